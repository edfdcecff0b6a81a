namespace Paperclip.Gateway.Validation;

/// <summary>
/// The bounds of every input. The reference server has almost none; ours are generous for real
/// use and finite, so no request can make the server read, store, search or describe more than
/// these. README's "Input limits" table states them.
/// </summary>
public static class InputLimits
{
    /// <summary>A 400 lists at most this many problems, however many the body has.</summary>
    public const int MaxValidationIssues = 20;

    /// <summary>Elements of any one array in a JSON body, checked before the body is parsed into a document.</summary>
    public const int MaxArrayItems = 1_000;

    /// <summary>Values (scalars, arrays, objects) in a whole JSON body, checked before parsing.</summary>
    public const int MaxJsonValues = 100_000;

    /// <summary>Nesting depth of a JSON body.</summary>
    public const int MaxJsonDepth = 64;

    /// <summary>Ids in one id-list field (<c>labelIds</c>, <c>goalIds</c>).</summary>
    public const int MaxIdsPerField = 100;

    /// <summary>Serialized size of a free-form object (<c>adapterConfig</c>, <c>payload</c>, …).</summary>
    public const int MaxObjectBytes = 64 * 1024;

    /// <summary>Names: companies, agents, projects, API keys.</summary>
    public const int Name = 200;

    /// <summary>Issue and goal titles.</summary>
    public const int Title = 1_000;

    /// <summary>Short tokens: icons, colours, adapter types, billing codes, user ids, dates.</summary>
    public const int ShortText = 200;

    /// <summary>Notes: pause reasons, wakeup reasons, run errors.</summary>
    public const int Note = 10_000;

    /// <summary>Descriptions and other long prose. Searched by <c>q</c>, so its bound is the search's bound too.</summary>
    public const int LongText = 100_000;

    /// <summary>A document's body (reference §7).</summary>
    public const int DocumentBody = 524_288;

    /// <summary>A document's title (reference §7).</summary>
    public const int DocumentTitle = 200;

    /// <summary>A document revision's <c>changeSummary</c> (reference §7).</summary>
    public const int ChangeSummary = 500;

    /// <summary>The list route's <c>q</c>.</summary>
    public const int SearchTerm = 200;
}
