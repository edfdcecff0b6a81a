using System.Text;
using System.Text.Json;
using Paperclip.Gateway.Http;
using Paperclip.Grains;

namespace Paperclip.Gateway.Responses;

/// <summary>
/// The properties of a stored <see cref="Issue"/>, numbered in the order the serializer knows them
/// (its JSON names are the API's: <see cref="Paperclip.Grains.Json.JsonConventions"/>).
/// </summary>
public static class StoredIssueFields
{
    private static readonly byte[][] Names =
        [.. ApiJson.Options.GetTypeInfo(typeof(Issue)).Properties.Select(property => Encoding.UTF8.GetBytes(property.Name))];

    /// <summary>The numbers of the names of each byte length: a row's 34 names are each compared with one or two, not all.</summary>
    private static readonly int[][] NamesByLength =
        [.. Enumerable.Range(0, Names.Max(name => name.Length) + 1)
            .Select(length => Enumerable.Range(0, Names.Length).Where(i => Names[i].Length == length).ToArray())];

    public static int Count => Names.Length;

    public static readonly int CompanyId = Find(nameof(Issue.CompanyId));
    public static readonly int LabelIds = Find(nameof(Issue.LabelIds));
    public static readonly int ExecutionRunId = Find(nameof(Issue.ExecutionRunId));
    public static readonly int AssigneeAdapterOverridesJson = Find(nameof(Issue.AssigneeAdapterOverridesJson));

    /// <summary>The number of the stored property named <paramref name="jsonName"/>, or -1.</summary>
    public static int IndexOf(string jsonName)
    {
        var utf8 = Encoding.UTF8.GetBytes(jsonName);
        return Array.FindIndex(Names, name => name.AsSpan().SequenceEqual(utf8));
    }

    /// <summary>The number of the property name the reader is on, or -1 for a property the record does not have.</summary>
    public static int IndexOf(ref Utf8JsonReader reader)
    {
        // An escaped name (PostgreSQL writes ours plainly) is compared unescaped.
        var name = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
        if (name.Length < NamesByLength.Length)
        {
            foreach (var i in NamesByLength[name.Length])
            {
                if (name.SequenceEqual(Names[i]))
                {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int Find(string propertyName) =>
        IndexOf(JsonNamingPolicy.CamelCase.ConvertName(propertyName)) is >= 0 and var index
            ? index
            : throw new InvalidOperationException($"The stored issue has no property {propertyName}.");
}
