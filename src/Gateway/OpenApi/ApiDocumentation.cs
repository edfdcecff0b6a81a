namespace Paperclip.Gateway.OpenApi;

/// <summary>
/// The API's own description: the OpenAPI document at <see cref="DocumentPath"/> and an interactive
/// reference page (Swagger UI) at <see cref="PagePath"/>. Both hold no tenant data, so both are open
/// to anyone in every deployment mode. The page's scripts and styles are embedded in the
/// Swashbuckle package and served by this process: it works with no outside network.
/// </summary>
public static class ApiDocumentation
{
    public const string DocumentName = "v1";

    /// <summary>The document's route pattern, as the routing table shows it.</summary>
    public const string DocumentRoute = "/openapi/{documentName}.json";

    public const string DocumentPath = $"/openapi/{DocumentName}.json";

    public const string PagePath = "/docs";

    public static IServiceCollection AddPaperclipApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<DocumentDescription>();
            options.AddOperationTransformer<RouteDocumentation>();
            options.AddSchemaTransformer<WrittenSchemas>();
        });

    /// <summary>
    /// Maps the document and serves the page. The page is middleware, not an endpoint, so it must
    /// run before the unmatched-route 404 and before caller resolution.
    /// </summary>
    public static WebApplication UsePaperclipApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi(DocumentRoute).AllowAnonymous();
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = PagePath.TrimStart('/');
            options.DocumentTitle = "Paperclip API reference";
            options.EnableDeepLinking();
            options.SwaggerEndpoint(DocumentPath, "Paperclip Issues API");
        });
        return app;
    }
}
