namespace Paperclip.Gateway.Hosting;

/// <summary>
/// The console's log format, <c>PAPERCLIP_LOG_FORMAT</c>: <c>text</c> (default), one line per
/// entry with its UTC time, or <c>json</c>, one JSON object per entry for log collectors. Both
/// print scopes: that is how every line written while handling a request carries its
/// <c>RequestId</c> (the <c>X-Request-Id</c> answered) and W3C <c>TraceId</c>.
/// </summary>
public static class LogFormat
{
    private const string Timestamp = "yyyy-MM-ddTHH:mm:ss.fffZ";

    public static ILoggingBuilder AddPaperclipConsole(this ILoggingBuilder logging, IConfiguration configuration) =>
        (configuration["PAPERCLIP_LOG_FORMAT"] ?? "text") switch
        {
            "text" => logging.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = Timestamp + " ";
            }),
            "json" => logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = Timestamp;
            }),
            var other => throw new InvalidOperationException($"PAPERCLIP_LOG_FORMAT must be 'text' or 'json', not '{other}'."),
        };
}
