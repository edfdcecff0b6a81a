namespace Paperclip.Grains.Storage;

/// <summary>
/// Names that are part of the stored schema: the grain storage provider and one state name per
/// grain class (the ADO.NET provider keys rows by state name, not by grain class, so two classes
/// sharing a name would share rows). The list queries select rows by these names.
/// </summary>
public static class StorageNames
{
    public const string GrainStorage = "paperclip";

    public const string Company = "company";
    public const string Agent = "agent";
    public const string Project = "project";
    public const string Goal = "goal";
    public const string Label = "label";
    public const string Issue = "issue";
    public const string ApiKey = "api-key";
    public const string HeartbeatRun = "heartbeat-run";
}
