using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SoraPromptGenie.Ops.Redis;
using StackExchange.Redis;

namespace SoraPromptGenie.Tests.Ops.Redis;

/// <summary>
/// The Redis that scripts/test.sh starts (<c>TEST_REDIS_URL</c>). Tests needing it fail when it is missing: a skipped
/// Redis test would hide that shared limits were never checked.
/// </summary>
internal static class TestRedis
{
    public static string Url(int database)
    {
        var url = Environment.GetEnvironmentVariable("TEST_REDIS_URL");
        Assert.False(string.IsNullOrWhiteSpace(url), "TEST_REDIS_URL is not set: run the tests through scripts/test.sh, which starts Redis.");
        return $"{url!.TrimEnd('/')}/{database.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>Empties one database so counts and cache entries of earlier runs do not leak into a test.</summary>
    public static async Task FlushAsync(string url)
    {
        Assert.True(RedisUrl.TryParse(url, out var options));
        options.AllowAdmin = true;
        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        Assert.True(connection.IsConnected, $"Redis at {url} is not reachable.");
        await connection.GetServers()[0].FlushDatabaseAsync(options.DefaultDatabase ?? 0);
    }
}

/// <summary>A redis-server of the test's own on a free port, so it can be stopped and started mid-test.</summary>
internal sealed class OwnRedisServer : IAsyncDisposable
{
    private OwnRedisServer(int port) => Port = port;

    public int Port { get; }

    public string Url => $"redis://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public static async Task<OwnRedisServer> StartAsync()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var server = new OwnRedisServer(port);
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        var port = Port.ToString(CultureInfo.InvariantCulture);
        await RunAsync("redis-server", "--bind", "127.0.0.1", "--port", port, "--save", string.Empty, "--appendonly", "no", "--daemonize", "yes",
            "--pidfile", $"/tmp/spg-test-redis-{port}.pid", "--logfile", $"/tmp/spg-test-redis-{port}.log", "--dir", "/tmp");
        var deadline = Stopwatch.StartNew();
        while (await RunAsync("redis-cli", "-h", "127.0.0.1", "-p", port, "ping") != 0)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(5), "redis-server did not start within 5 s");
            await Task.Delay(50);
        }
    }

    public Task StopAsync() => RunAsync("redis-cli", "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "shutdown", "nosave");

    public async ValueTask DisposeAsync() => await StopAsync();

    private static async Task<int> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
