using System.Diagnostics;
using System.Text;

namespace Paperclip.Tests.Infrastructure;

/// <summary>
/// Everything a started process prints, stdout and stderr interleaved as they arrive, kept for
/// assertions and failure messages. Lines arrive on thread-pool threads, hence the lock.
/// </summary>
public sealed class ProcessOutput
{
    private readonly StringBuilder _text = new();

    /// <summary>Starts reading <paramref name="process"/>'s redirected output into a new collector.</summary>
    public static ProcessOutput Capture(Process process)
    {
        var output = new ProcessOutput();
        process.OutputDataReceived += (_, e) => output.Append(e.Data);
        process.ErrorDataReceived += (_, e) => output.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return output;
    }

    public string Text { get { lock (_text) { return _text.ToString(); } } }

    public override string ToString() => Text;

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_text)
        {
            _text.AppendLine(line);
        }
    }
}
