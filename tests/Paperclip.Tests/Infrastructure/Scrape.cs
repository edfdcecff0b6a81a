using System.Globalization;
using Paperclip.Gateway.Observability;

namespace Paperclip.Tests.Infrastructure;

/// <summary>One or more <c>/metrics</c> answers (Prometheus text), read by metric name and labels.</summary>
public sealed record Scrape(string Text)
{
    /// <summary>
    /// Every process's <c>/metrics</c>, one after the other. It first waits out the exporter's
    /// answer cache, so the scrape sees everything that happened before the call.
    /// </summary>
    public static async Task<Scrape> OfAsync(params SiloProcess[] processes)
    {
        await Task.Delay(MetricsEndpoint.ScrapeCache);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var texts = new List<string>();
        foreach (var process in processes)
        {
            texts.Add(await http.GetStringAsync($"http://127.0.0.1:{process.HttpPort}{MetricsEndpoint.Path}"));
        }
        return new Scrape(string.Join("\n", texts));
    }

    /// <summary>The sum of the samples of <paramref name="metric"/> whose labels include each of <paramref name="labels"/> (<c>name="value"</c>).</summary>
    public double Sum(string metric, params string[] labels) => Text.Split('\n')
        .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
        .Where(line => labels.All(label => line.Contains(label, StringComparison.Ordinal)))
        .Sum(line => double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));

    /// <summary>How much <see cref="Sum"/> grew since <paramref name="earlier"/>.</summary>
    public double IncreaseSince(Scrape earlier, string metric, params string[] labels) =>
        Sum(metric, labels) - earlier.Sum(metric, labels);
}
