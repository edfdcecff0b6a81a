namespace Paperclip.Grains;

/// <summary>
/// A field a PATCH sent. An absent field is a <c>null</c> <see cref="Change{T}"/>; a field sent as
/// JSON <c>null</c> is a change whose <see cref="Value"/> is <c>null</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("paperclip.Change`1")]
public sealed record Change<T>([property: Id(0)] T Value);
