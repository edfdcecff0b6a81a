namespace Paperclip.Tests.Infrastructure;

/// <summary>
/// Tests that start their own silo processes. They share one collection so they run one after
/// another: several clusters starting at once on a small machine would turn CPU starvation into
/// timeouts and false failovers.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessCollection
{
    public const string Name = "processes";
}
