using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Lint;
using SoraPromptGenie.Ops;
using SoraPromptGenie.Prompting;
using SoraPromptGenie.Studio;

namespace SoraPromptGenie.Tests.Studio;

/// <summary>While an AI action runs: what the studio shows, how it stops, and what its errors say.</summary>
public sealed class StudioWaitingTests : StudioTestContext
{
    private const string Idea = "A red fox trots across a snowy country road at night";

    [Fact]
    public async Task AutoGenerate_Cancelled_StopsWithThePromptUnchangedAndSaysSo()
    {
        Session.Edit(Idea);
        Engine.HoldAfterFirstDelta = new TaskCompletionSource();
        using var cancel = new CancellationTokenSource();

        var running = Session.AutoGenerateAsync(cancel.Token);
        await WaitUntilAsync(() => Session.Streaming is not null);
        await cancel.CancelAsync();
        await running;

        Assert.Equal(Idea, Session.Prompt);
        Assert.Null(Session.Busy);
        Assert.Null(Session.Streaming);
        Assert.Equal(StudioNotice.Stopped, Session.Notice);
    }

    [Fact]
    public async Task Streaming_CountsAndGuideNotes_FollowTheArrivingText()
    {
        Session.Edit(Idea);
        Engine.HoldAfterFirstDelta = new TaskCompletionSource();
        var linter = new PromptLinter();

        var running = Session.AutoGenerateAsync(CancellationToken.None);
        await WaitUntilAsync(() => Session.Streaming is not null);
        var arrived = Session.Streaming!;

        Assert.NotEqual(Idea, arrived);
        Assert.Equal(PromptMeter.For(arrived, Session.Target), Session.Meter);
        Assert.NotEqual(PromptMeter.For(Idea, Session.Target), Session.Meter);
        Assert.Equal(PromptStudio.CountWords(arrived), Session.WordCount);
        Assert.Equal(linter.Lint(arrived, Session.Target).Score, Session.Lint.Score);

        Engine.HoldAfterFirstDelta.SetResult();
        await running;
        Assert.Equal(linter.Lint(Session.Prompt, Session.Target).Score, Session.Lint.Score);
    }

    [Theory]
    [InlineData(500, "The language model failed with an error of its own (HTTP 500). Your prompt is unchanged — try again.")]
    [InlineData(400, "The language model refused the request (HTTP 400). Your prompt is unchanged — try again.")]
    [InlineData(null, "The language model sent an unusable answer. Your prompt is unchanged — try again.")]
    public async Task AutoGenerate_ModelError_SaysWhatHappened(int? status, string expected)
    {
        Session.Edit(Idea);
        Engine.Failure = new UpstreamException(UpstreamFailure.Error, "failed", status);

        await Session.AutoGenerateAsync(CancellationToken.None);

        Assert.Equal(new StudioNotice(NoticeKind.Error, expected), Session.Notice);
        Assert.Equal(Idea, Session.Prompt);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 30 seconds.");
            await Task.Delay(10);
        }
    }
}
