using System.Text;

namespace Paperclip.Gateway.Observability;

/// <summary>
/// Lets a browser open the dashboard in <c>authenticated</c> mode. A browser cannot send a bearer
/// token, but it sends Basic credentials once a 401 asks for them: under <c>/dashboard</c>, the
/// password of Basic credentials is taken as the bearer token (a board key; the user name is
/// ignored), and a 401 there asks for them. The API itself stays bearer only.
/// </summary>
public sealed class DashboardCredentials(RequestDelegate next)
{
    private const string Challenge = "Basic realm=\"Paperclip dashboard\", charset=\"UTF-8\"";

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(DashboardEndpoints.Path))
        {
            return next(context);
        }
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) && BasicPassword(authorization[6..]) is { Length: > 0 } password)
        {
            context.Request.Headers.Authorization = $"Bearer {password}";
        }
        context.Response.OnStarting(static state =>
        {
            var response = (HttpResponse)state;
            if (response.StatusCode == StatusCodes.Status401Unauthorized)
            {
                response.Headers.WWWAuthenticate = Challenge;
            }
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }

    /// <summary>The password of <c>base64(user:password)</c>, or null when it is not that.</summary>
    private static string? BasicPassword(string encoded)
    {
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(encoded.Trim()));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : pair[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
