using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using SoraPromptGenie.Core.Storyboards;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Tests.Storyboards;

public sealed class StoryboardExporterTests
{
    private const string Raincoat = "a tall woman in a yellow raincoat";
    private static readonly TargetCatalog Catalog = TargetCatalog.LoadEmbedded();
    private readonly StoryboardExporter _exporter = new(Catalog, new VideoRequestBuilder(Catalog));

    internal static Storyboard Lighthouse(params int[] seconds) => new(
        [.. (seconds.Length == 0 ? [4, 6] : seconds).Select((s, i) => new StoryboardShot(
            i % 2 == 0
                ? $"Mara, {Raincoat}, climbs the spiral stairs of the lighthouse. The camera slowly dollies in. Lit by cold blue dusk."
                : $"Mara, {Raincoat}, lights the great lamp as it's $(whoami) time. The camera holds still. Lit by cold blue dusk.",
            s,
            Camera: i == 0 ? "slow dolly in" : null,
            Transition: i == 0 ? "cut to" : null))],
        new StoryboardContinuity([new StoryboardCharacter("Mara", Raincoat)], Setting: "the lighthouse", Look: "Lit by cold blue dusk."),
        Title: "Lighthouse night");

    [Fact]
    public void Export_KlingV3_OneRequestWithAMultiPromptListOfEveryShotAndTheTotalDuration()
    {
        var board = Lighthouse(4, 6, 5);

        var export = Succeeded(_exporter.Export(board, "kling-v3"));

        Assert.Equal(StoryboardMode.MultiPrompt, export.Mode);
        var request = Assert.Single(export.Requests);
        Assert.Equal([1, 2, 3], request.Shots);
        var body = request.Export.Body;
        Assert.Equal("", body["prompt"]!.GetValue<string>());
        Assert.True(body["multi_shot"]!.GetValue<bool>());
        Assert.Equal("customize", body["shot_type"]!.GetValue<string>());
        Assert.Equal("15", body["duration"]!.GetValue<string>());
        var shots = body["multi_prompt"]!.AsArray();
        Assert.Equal([1, 2, 3], shots.Select(s => s!["index"]!.GetValue<int>()));
        Assert.Equal(["4", "6", "5"], shots.Select(s => s!["duration"]!.GetValue<string>()));
        Assert.Equal(board.Shots[1].Prompt, shots[1]!["prompt"]!.GetValue<string>());
        Assert.Contains(export.Warnings, w => w.Contains("unverified", StringComparison.Ordinal));
    }

    [Fact]
    public void Export_GeminiOmni_OnePromptWithTimecodesAndTheTotalAsItsDuration()
    {
        var board = Lighthouse(4, 6);

        var request = Assert.Single(Succeeded(_exporter.Export(board, "gemini-omni-1.1-flash")).Requests);

        Assert.Equal(
            $"[0-4s] {board.Shots[0].Prompt}\n[4-10s] {board.Shots[1].Prompt}",
            request.Export.Body["input"]!.GetValue<string>());
        Assert.Equal("10s", request.Export.Body["response_format"]!["duration"]!.GetValue<string>());
    }

    [Fact]
    public void Export_Seedance_OnePromptOfTimedBeats()
    {
        var board = Lighthouse(5, 5, 5);

        var export = Succeeded(_exporter.Export(board, "seedance-2.0"));

        var body = Assert.Single(export.Requests).Export.Body;
        var text = body["content"]![0]!["text"]!.GetValue<string>();
        Assert.StartsWith("0-5s: Mara", text, StringComparison.Ordinal);
        Assert.Contains("\n5-10s: Mara", text, StringComparison.Ordinal);
        Assert.Contains("\n10-15s: Mara", text, StringComparison.Ordinal);
        Assert.Equal(15, body["duration"]!.GetValue<long>());
        Assert.Equal(StoryboardMode.Beats, export.Mode);
    }

    [Theory]
    [InlineData("veo-3.1", "parameters.durationSeconds", "4", "6")]
    [InlineData("runway-gen4.5", "duration", "4", "6")]
    [InlineData("sora-2", "seconds", "4", "8")]
    public void Export_SingleShotTarget_OneRequestPerShotWithItsOwnLength(string target, string path, string first, string second)
    {
        var board = Lighthouse(int.Parse(first, System.Globalization.CultureInfo.InvariantCulture), int.Parse(second, System.Globalization.CultureInfo.InvariantCulture));

        var export = Succeeded(_exporter.Export(board, target));

        Assert.Equal(StoryboardMode.PerShot, export.Mode);
        Assert.Equal([[1], [2]], export.Requests.Select(r => r.Shots));
        Assert.Equal([first, second], export.Requests.Select(r => Read(r.Export.Body, path)));
    }

    [Fact]
    public void Export_Luma_WritesEachShotsLengthWithItsSecondsSuffix()
    {
        var export = Succeeded(_exporter.Export(Lighthouse(5, 10), "luma-ray-3.2"));

        Assert.Equal(["5s", "10s"], export.Requests.Select(r => r.Export.Body["video"]!["duration"]!.GetValue<string>()));
    }

    [Fact]
    public void Export_Generic_NoRequestOnlyTheShotListWithTimes()
    {
        var export = Succeeded(_exporter.Export(Lighthouse(4, 6), "generic"));

        Assert.Empty(export.Requests);
        Assert.StartsWith("# Lighthouse night\n2 shots, 10 seconds\n", export.ShotList, StringComparison.Ordinal);
        Assert.Contains("\n1. (0-4 s) Mara", export.ShotList, StringComparison.Ordinal);
        Assert.Contains("\n2. (4-10 s) Mara", export.ShotList, StringComparison.Ordinal);
        Assert.Contains("   Camera: slow dolly in\n   Transition: cut to\n", export.ShotList, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kling-v3", new[] { 10, 10 }, "Kling 3 makes at most 15 seconds in one request; this storyboard runs 20 seconds.")]
    [InlineData("kling-v3", new[] { 2, 2, 2, 2, 2, 2, 2 }, "Kling 3 takes at most 6 shots in one request; this storyboard has 7.")]
    [InlineData("gemini-omni-1.1-flash", new[] { 6, 6 }, "Gemini Omni 1.1 Flash makes at most 10 seconds in one request; this storyboard runs 12 seconds.")]
    [InlineData("veo-3.1", new[] { 4, 5 }, "Shot 2: durationSeconds 5 is not available for veo-3.1")]
    public void Export_StoryboardTheTargetCannotMake_SaysWhy(string target, int[] seconds, string expected)
    {
        var result = _exporter.Export(Lighthouse(seconds), target);

        Assert.Null(result.Export);
        Assert.Contains(result.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Export_UnknownTargetOrInvalidStoryboard_IsRefused()
    {
        Assert.StartsWith("target sora-3 is not a known target", Assert.Single(_exporter.Export(Lighthouse(), "sora-3").Errors), StringComparison.Ordinal);
        Assert.Equal("storyboard.shots must hold 2 to 12 shots.", Assert.Single(_exporter.Export(Lighthouse(4), "kling-v3").Errors));
    }

    [Theory]
    [InlineData("kling-v3")]
    [InlineData("gemini-omni-1.1-flash")]
    [InlineData("luma-ray-3.2")]
    public void Export_CurlPastedIntoBash_SendsExactlyTheBody(string target)
    {
        var export = Succeeded(_exporter.Export(Lighthouse(5, 5), target));

        var sent = new StringBuilder();
        foreach (var request in export.Requests)
        {
            var arguments = CurlArguments(request.Export.Curl);
            var data = arguments[arguments.IndexOf("--data-raw") + 1];
            Assert.True(JsonNode.DeepEquals(request.Export.Body, JsonNode.Parse(data)), data);
            sent.Append(data);
        }

        Assert.Contains("it's $(whoami) time", sent.ToString(), StringComparison.Ordinal);
    }

    private static StoryboardExport Succeeded(StoryboardExportResult result)
    {
        Assert.True(result.Export is not null, string.Join(" ", result.Errors));
        return result.Export;
    }

    private static string Read(JsonObject body, string path) =>
        path.Split('.').Aggregate((JsonNode)body, (node, name) => node[name]!).ToJsonString().Trim('"');

    /// <summary>The arguments curl gets when the command is pasted into bash, with curl replaced by a function that prints them.</summary>
    private static List<string> CurlArguments(string command)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
        start.Environment["LC_ALL"] = "C.UTF-8";
        using var process = Process.Start(start)!;
        process.StandardInput.Write("curl() { printf '%s\\0' \"$@\"; }\n" + command + "\n");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(30_000) && process.ExitCode == 0 && errors.Length == 0, errors);
        return [.. output.Result.Split('\0')];
    }
}
