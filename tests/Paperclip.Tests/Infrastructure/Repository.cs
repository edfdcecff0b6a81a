namespace Paperclip.Tests.Infrastructure;

/// <summary>The checkout the tests were built from, for tests of the deploy scripts.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "deploy", "up.sh")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"deploy/up.sh not found above {AppContext.BaseDirectory}.");
    }
}
