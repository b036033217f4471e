using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace SoraPromptGenie.FakeUpstream;

internal sealed record StatusReply(int StatusCode, string? Body, TimeSpan? RetryAfter) : FakeReply
{
    internal override Task WriteAsync(ReplyContext context)
    {
        if (RetryAfter is { } retryAfter)
        {
            context.Http.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        if (Body is { } body && body.TrimStart().StartsWith('{'))
        {
            return context.WriteRawAsync(StatusCode, "application/json", body);
        }

        var message = Body ?? ReasonPhrases.GetReasonPhrase(StatusCode);
        return context.WriteJsonAsync(StatusCode, json => ChatCompletionJson.WriteError(json, message, StatusCode));
    }
}

internal sealed record MalformedReply(string Body) : FakeReply
{
    internal override async Task WriteAsync(ReplyContext context)
    {
        if (!context.Request.Stream)
        {
            await context.WriteRawAsync(200, "text/html; charset=utf-8", Body);
            return;
        }

        using var stream = context.StartEventStream();
        await stream.WriteRawEventAsync(Body);
        await stream.WriteDoneAsync();
    }
}

internal sealed record EmptyChoicesReply : FakeReply
{
    internal override async Task WriteAsync(ReplyContext context)
    {
        var usage = TokenUsage.Estimate(context.Request, string.Empty);
        if (!context.Request.Stream)
        {
            await context.WriteJsonAsync(200, json => ChatCompletionJson.WriteEmptyCompletion(json, context, usage));
            return;
        }

        using var stream = context.StartEventStream();
        await stream.WriteEventAsync(json => ChatCompletionJson.WriteUsageChunk(json, context, usage));
        await stream.WriteDoneAsync();
    }
}

internal sealed record HangReply : FakeReply
{
    internal override Task WriteAsync(ReplyContext context) => context.PauseAsync(Timeout.InfiniteTimeSpan);
}

internal sealed record TruncatedStreamReply(string PartialContent) : FakeReply
{
    // Long enough for the flushed bytes to leave the socket before the abort resets the connection.
    private static readonly TimeSpan DrainTime = TimeSpan.FromMilliseconds(100);

    internal override async Task WriteAsync(ReplyContext context)
    {
        if (context.Request.Stream)
        {
            using var stream = context.StartEventStream();
            await stream.WriteEventAsync(json => ChatCompletionJson.WriteChunk(json, context, "assistant", string.Empty, null));
            foreach (var part in ContentChunks.Split(PartialContent, 2))
            {
                await stream.WriteEventAsync(json => ChatCompletionJson.WriteChunk(json, context, null, part, null));
            }
        }
        else
        {
            var complete = ChatCompletionJson.Serialize(json =>
                ChatCompletionJson.WriteCompletion(json, context, PartialContent, FinishReason, TokenUsage.Estimate(context.Request, PartialContent)));
            await context.WriteRawAsync(200, "application/json", complete[..(complete.Length / 2)], declareLength: complete.Length);
        }

        await context.PauseAsync(DrainTime);
        context.Http.Abort();
    }
}
