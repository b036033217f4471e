using System.Runtime.InteropServices;

namespace SoraPromptGenie.FakeUpstream;

/// <summary>Process mode: serves <see cref="FakeReply.Auto"/> answers with a fixed delay until SIGTERM or Ctrl+C.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (!ProcessModeArguments.TryParse(args, out var arguments, out var error))
        {
            await Console.Error.WriteLineAsync(error);
            await Console.Error.WriteLineAsync(ProcessModeArguments.Usage);
            return 2;
        }

        var reply = FakeReply.Auto() with { Delay = arguments.Delay, ChunkInterval = arguments.ChunkInterval, Chunks = arguments.Chunks };
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);

        await using var server = await FakeUpstreamServer.StartAsync(
            new FakeUpstreamOptions { Default = reply, RecordRequests = arguments.Record }, arguments.Port);
        await Console.Out.WriteLineAsync($"listening on {server.BaseUrl}");
        await Console.Out.FlushAsync();
        await stop.Task;
        return 0;

        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }
}
