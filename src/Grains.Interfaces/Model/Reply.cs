namespace Paperclip.Grains;

/// <summary>How a grain command ended. Expected outcomes are values, never exceptions.</summary>
public enum ReplyStatus
{
    Ok = 0,
    Created = 1,
    BadRequest = 2,
    Unauthorized = 3,
    Forbidden = 4,
    NotFound = 5,
    Conflict = 6,
    Unprocessable = 7,
    TooManyRequests = 8,
}

/// <summary>
/// The result of a grain command: a value on success, otherwise the API's error message and
/// optional details (already JSON, so any shape the contract needs can cross the grain boundary).
/// </summary>
[GenerateSerializer, Immutable, Alias("paperclip.Reply`1")]
public sealed record Reply<T>(
    [property: Id(0)] ReplyStatus Status,
    [property: Id(1)] T? Value,
    [property: Id(2)] string? Error = null,
    [property: Id(3)] string? DetailsJson = null)
{
    public bool IsSuccess => Status is ReplyStatus.Ok or ReplyStatus.Created;

    public static Reply<T> Ok(T value) => new(ReplyStatus.Ok, value);

    public static Reply<T> Created(T value) => new(ReplyStatus.Created, value);

    public static Reply<T> Fail(ReplyStatus status, string error, string? detailsJson = null) =>
        new(status, default, error, detailsJson);

    /// <summary>Carries a failure of another reply type through unchanged.</summary>
    public Reply<TOther> As<TOther>() => new(Status, default, Error, DetailsJson);
}
