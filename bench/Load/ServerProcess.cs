using System.Diagnostics;
using System.Globalization;

namespace SoraPromptGenie.Bench.Load;

/// <summary>
/// A server under test started as <c>dotnet X.dll</c> through <c>exec</c>, so the process id is the server's own and its
/// console output goes to a file the way a process manager would capture it (not through a pipe we must drain).
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly HttpClient Probe = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero })
    {
        Timeout = TimeSpan.FromSeconds(2),
    };

    private readonly Process _process;

    private ServerProcess(Process process, Uri baseUrl, long startedAt)
    {
        _process = process;
        BaseUrl = baseUrl;
        StartedAt = startedAt;
    }

    public Uri BaseUrl { get; }

    public int Id => _process.Id;

    public long StartedAt { get; }

    public static ServerProcess Start(string dll, int port, IReadOnlyDictionary<string, string> environment, string workDirectory)
    {
        Directory.CreateDirectory(workDirectory);
        var log = Path.Combine(workDirectory, "console.log");
        var info = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = workDirectory,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec dotnet \"$0\" >>\"$1\" 2>&1");
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add(log);
        info.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {dll}");
        return new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"), startedAt);
    }

    /// <summary>Polls /api/health every 5 ms; returns the time from process start to the first 200.</summary>
    public async Task<TimeSpan> WaitHealthyAsync(TimeSpan timeout)
    {
        var health = new Uri(BaseUrl, "/api/health");
        while (Stopwatch.GetElapsedTime(StartedAt) < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"server on {BaseUrl} exited with {_process.ExitCode}");
            }

            try
            {
                using var response = await Probe.GetAsync(health);
                if (response.IsSuccessStatusCode)
                {
                    return Stopwatch.GetElapsedTime(StartedAt);
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"server on {BaseUrl} was not healthy within {timeout}");
    }

    public ProcessSample Sample() => ProcessSample.Read(_process.Id);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(12));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}

/// <summary>Resident memory and thread count from /proc/&lt;pid&gt;/status.</summary>
internal readonly record struct ProcessSample(long RssKib, int Threads)
{
    public double RssMib => RssKib / 1024.0;

    public static ProcessSample Read(int pid)
    {
        long rss = 0;
        var threads = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("Threads:", StringComparison.Ordinal))
                {
                    threads = int.Parse(line.AsSpan(8).Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process is gone; a zero sample says so.
        }

        return new ProcessSample(rss, threads);
    }

    public static ProcessSample Max(ProcessSample a, ProcessSample b) => new(Math.Max(a.RssKib, b.RssKib), Math.Max(a.Threads, b.Threads));
}

/// <summary>Samples a process every 100 ms until disposed; keeps the peak.</summary>
internal sealed class PeakSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<ProcessSample> _loop;

    public PeakSampler(int pid) => _loop = LoopAsync(pid, _stop.Token);

    public async Task<ProcessSample> StopAsync()
    {
        await _stop.CancelAsync();
        return await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private static async Task<ProcessSample> LoopAsync(int pid, CancellationToken cancellationToken)
    {
        var peak = ProcessSample.Read(pid);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                peak = ProcessSample.Max(peak, ProcessSample.Read(pid));
            }
        }
        catch (OperationCanceledException)
        {
        }

        return ProcessSample.Max(peak, ProcessSample.Read(pid));
    }
}

/// <summary>
/// CPU time of one process (<c>/proc/&lt;pid&gt;/stat</c>) and of the whole machine (<c>/proc/stat</c>), in clock ticks
/// of 10 ms (Linux reports both in USER_HZ, which is 100 on x86-64).
/// </summary>
internal readonly record struct CpuTime(long ProcessTicks, long MachineBusyTicks, long MachineTotalTicks)
{
    private const double MicrosecondsPerTick = 10_000;

    public double ProcessMicroseconds => ProcessTicks * MicrosecondsPerTick;

    /// <summary>Busy share of all cores together: 50% on a 2-core machine is one core's worth.</summary>
    public double MachineBusyPercent => MachineTotalTicks == 0 ? double.NaN : 100.0 * MachineBusyTicks / MachineTotalTicks;

    public static CpuTime operator -(CpuTime after, CpuTime before) => new(
        after.ProcessTicks - before.ProcessTicks,
        after.MachineBusyTicks - before.MachineBusyTicks,
        after.MachineTotalTicks - before.MachineTotalTicks);

    public static CpuTime Read(int pid)
    {
        // The command name in field 2 may hold spaces; utime and stime are the 12th and 13th fields after it.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var process = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);

        // cpu  user nice system idle iowait irq softirq steal ...
        var machine = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Take(8).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var idle = machine[3] + machine[4];
        return new CpuTime(process, machine.Sum() - idle, machine.Sum());
    }
}
