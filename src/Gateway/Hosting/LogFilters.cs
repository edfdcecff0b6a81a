namespace Paperclip.Gateway.Hosting;

/// <summary>Keeps the console to what an operator needs: warnings from the frameworks, our own information.</summary>
public static class LogFilters
{
    public static ILoggingBuilder AddPaperclipLogFilters(this ILoggingBuilder logging) => logging
        .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
        .AddFilter("Microsoft.Hosting", LogLevel.Information)
        .AddFilter("Orleans", LogLevel.Warning)
        .AddFilter("Polly", LogLevel.Warning)
        .AddFilter("Orleans.Runtime.Silo", LogLevel.Information)
        .AddFilter("Orleans.Runtime.MembershipService", LogLevel.Information);
}
