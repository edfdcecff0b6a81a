using OpenTelemetry.Metrics;
using Orleans.Dashboard;
using Paperclip.Grains.Telemetry;

namespace Paperclip.Silo;

/// <summary>What every silo contributes to observability, with or without HTTP.</summary>
public static class SiloObservability
{
    public static ISiloBuilder AddPaperclipObservability(this ISiloBuilder silo, bool dashboard)
    {
        // Every silo collects the dashboard's data (grain calls, activations), whichever process
        // serves its pages. Profiling stops a minute after the last dashboard query.
        if (dashboard)
        {
            silo.AddDashboard();
        }
        // Our counters count where grains decide. Exported only where HTTP serves /metrics: a
        // silo without HTTP builds no meter provider, and this stays unused there.
        silo.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(PaperclipMetrics.MeterName));
        return silo;
    }
}
