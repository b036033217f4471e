using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SoraPromptGenie.FakeUpstream;

/// <summary>Command line of the stand-alone fake used by load benchmarks.</summary>
internal sealed record ProcessModeArguments(int Port, TimeSpan Delay, TimeSpan ChunkInterval, int Chunks, bool Record)
{
    public const string Usage =
        "usage: SoraPromptGenie.FakeUpstream [--port N] [--delay-ms N] [--chunk-interval-ms N] [--chunks N] [--no-record]";

    public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out ProcessModeArguments? parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        int port = 0, delayMs = 0, chunkIntervalMs = 0, chunks = 5;
        var record = true;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--no-record")
            {
                record = false;
                continue;
            }

            if (name is not ("--port" or "--delay-ms" or "--chunk-interval-ms" or "--chunks"))
            {
                error = $"unknown argument '{name}'";
                return false;
            }

            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                error = $"{name} needs a non-negative whole number";
                return false;
            }

            i++;
            switch (name)
            {
                case "--port":
                    port = value;
                    break;
                case "--delay-ms":
                    delayMs = value;
                    break;
                case "--chunk-interval-ms":
                    chunkIntervalMs = value;
                    break;
                default:
                    chunks = value;
                    break;
            }
        }

        if (port > 65535 || chunks == 0)
        {
            error = port > 65535 ? "--port must be at most 65535" : "--chunks must be at least 1";
            return false;
        }

        parsed = new ProcessModeArguments(port, TimeSpan.FromMilliseconds(delayMs), TimeSpan.FromMilliseconds(chunkIntervalMs), chunks, record);
        error = null;
        return true;
    }
}
