using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SoraPromptGenie.Bench.Load;

/// <summary>
/// Time to first byte of streamed text, measured the same way on both sides: from sending the request to reading the
/// first <c>data:</c> line that carries text. For the upstream that is the first chunk with non-empty delta content;
/// for the app it is the first SSE event, which is a <c>delta</c>.
/// </summary>
internal sealed class StreamingProbe(Uri upstreamChatCompletions, Uri app) : IDisposable
{
    private const string UpstreamBody =
        """{"model":"bench/model","stream":true,"messages":[{"role":"system","content":"Expand the idea."},{"role":"user","content":"A lighthouse keeper climbs the stairs at dusk."}]}""";

    // "fresh" skips the response cache: every sample must reach the upstream's stream.
    private const string AppBody = """{"basicPrompt":"A lighthouse keeper climbs the stairs at dusk.","fresh":true}""";

    private readonly HttpClient _http = new(new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(30) };

    public async Task<(double UpstreamMs, double AppMs)> MeasureAsync(int samples)
    {
        var upstream = new List<double>(samples);
        var app = new List<double>(samples);
        await UpstreamOnceAsync();
        await AppOnceAsync();
        for (var i = 0; i < samples; i++)
        {
            upstream.Add(await UpstreamOnceAsync());
            app.Add(await AppOnceAsync());
        }

        return (Statistics.Median(upstream), Statistics.Median(app));
    }

    public void Dispose() => _http.Dispose();

    private Task<double> UpstreamOnceAsync() =>
        TimeToFirstAsync(upstreamChatCompletions, UpstreamBody, "application/json", HasContent);

    private Task<double> AppOnceAsync() =>
        TimeToFirstAsync(new Uri(app, "/api/auto-generate-prompt"), AppBody, "text/event-stream", _ => true);

    private async Task<double> TimeToFirstAsync(Uri url, string body, string accept, Func<string, bool> isText)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        var started = Stopwatch.GetTimestamp();
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(stream);
        double? first = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (first is null && line.StartsWith("data:", StringComparison.Ordinal) && isText(line[5..].Trim()))
            {
                first = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }

        return first ?? throw new InvalidOperationException($"{url} streamed no text");
    }

    private static bool HasContent(string data)
    {
        if (data == "[DONE]")
        {
            return false;
        }

        using var json = JsonDocument.Parse(data);
        return json.RootElement.TryGetProperty("choices", out var choices) && choices.GetArrayLength() > 0
            && choices[0].TryGetProperty("delta", out var delta) && delta.TryGetProperty("content", out var content)
            && content.ValueKind == JsonValueKind.String && content.GetString()!.Length > 0;
    }
}

internal static class Statistics
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
