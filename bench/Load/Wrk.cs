using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SoraPromptGenie.Bench.Load;

/// <summary>What one request of a scenario looks like.</summary>
internal sealed record LoadRequest(string Method, string Path, string? Body = null, bool UniqueBodies = false)
{
    /// <summary>
    /// A wrk Lua script: POST bodies, optionally made unique per request (so a response cache, once there is one,
    /// cannot answer), and a <c>done()</c> that prints the figures wrk's own summary rounds away.
    /// </summary>
    public string LuaScript()
    {
        var lua = new StringBuilder();
        lua.AppendLine(CultureInfo.InvariantCulture, $"wrk.method = \"{Method}\"");
        if (Body is not null)
        {
            lua.AppendLine("wrk.headers[\"Content-Type\"] = \"application/json\"");
            lua.AppendLine(CultureInfo.InvariantCulture, $"wrk.body = [==[{Body}]==]");
        }

        if (UniqueBodies && Body is not null)
        {
            // The body's first string value gets a run nonce, the wrk thread and a counter appended:
            // "...dusk." -> "...dusk. #3f2a9c1e-2-17". The app process outlives a run and wrk runs several threads, so a
            // counter alone would repeat bodies and let the response cache answer.
            var nonce = Guid.NewGuid().ToString("N")[..8];
            lua.AppendLine("local threads = 0");
            lua.AppendLine("setup = function(thread)");
            lua.AppendLine("  threads = threads + 1");
            lua.AppendLine("  thread:set(\"tid\", threads)");
            lua.AppendLine("end");
            lua.AppendLine("local counter = 0");
            lua.AppendLine("local prefix, rest = string.match(wrk.body, '^(.-)(\",.*)$')");
            lua.AppendLine("request = function()");
            lua.AppendLine("  counter = counter + 1");
            lua.AppendLine(CultureInfo.InvariantCulture, $"  return wrk.format(nil, nil, nil, prefix .. ' #{nonce}-' .. tid .. '-' .. counter .. rest)");
            lua.AppendLine("end");
        }

        lua.AppendLine("done = function(summary, latency, requests)");
        lua.AppendLine("  local e = summary.errors");
        lua.AppendLine("  io.write(string.format(\"RESULT %d %d %.0f %.0f %.0f %d %d %d %d %d\\n\", summary.requests, summary.duration,");
        lua.AppendLine("    latency:percentile(50), latency:percentile(99), latency:percentile(99.9), e.status, e.connect, e.read, e.write, e.timeout))");
        lua.AppendLine("end");
        return lua.ToString();
    }
}

/// <summary>
/// One wrk run: throughput, latency percentiles in ms, non-2xx responses and socket errors; with the server's CPU time
/// per request and how busy the whole machine was, when measured.
/// </summary>
internal sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, double P999Ms, long Non2xx, long SocketErrors, long Requests = 0)
{
    public double ServerCpuMicrosecondsPerRequest { get; init; } = double.NaN;

    public double MachineBusyPercent { get; init; } = double.NaN;

    public GcPauses? Gc { get; init; }

    public long Errors => Non2xx + SocketErrors;
}

internal static class Wrk
{
    public const string Executable = "/usr/bin/wrk";

    public static async Task<WrkResult> RunAsync(Uri baseUrl, LoadRequest request, int connections, TimeSpan duration, string scratch)
    {
        var script = Path.Combine(scratch, $"wrk-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, request.LuaScript());
        try
        {
            var info = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])[
                "-t", Math.Min(2, connections).ToString(CultureInfo.InvariantCulture),
                "-c", connections.ToString(CultureInfo.InvariantCulture),
                "-d", $"{Math.Max(1, (int)duration.TotalSeconds)}s",
                "--timeout", "10s",
                "-s", script,
                new Uri(baseUrl, request.Path).ToString()])
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start wrk");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var text = await output;
            var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"wrk printed no result: {text} {await error}");
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var seconds = f[1] / 1_000_000.0;
            return new WrkResult(f[0] / seconds, f[2] / 1000.0, f[3] / 1000.0, f[4] / 1000.0, (long)f[5], (long)(f[6] + f[7] + f[8] + f[9]), (long)f[0]);
        }
        finally
        {
            File.Delete(script);
        }
    }
}
