using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Tests.Targets;

/// <summary>
/// One test per target: the exported request, field by field, as the target's facts give it (field names, nesting,
/// value types, address, headers and poll call).
/// </summary>
public sealed class TargetRequestBodyTests
{
    private const string Prompt = "A fox crosses a snowy road at night.";

    private readonly VideoRequestBuilder _builder = new(TargetCatalog.LoadEmbedded(new FixedClock(new DateOnly(2026, 11, 28))));

    [Fact]
    public void GeminiOmni_InteractionsBody_InputAndResponseFormat()
    {
        var export = Export("gemini-omni-1.1-flash", new() { ["aspect_ratio"] = "9:16", ["resolution"] = "1080p", ["duration"] = "8s", ["delivery"] = "uri" });

        AssertBody(
            """{"model":"gemini-omni-1.1-flash","input":"A fox crosses a snowy road at night.","response_format":{"type":"video","aspect_ratio":"9:16","resolution":"1080p","duration":"8s","delivery":"uri"}}""",
            export);
        Assert.Equal("POST", export.Method);
        Assert.Equal("https://generativelanguage.googleapis.com/v1beta/interactions", export.Url);
        Assert.Equal("$GEMINI_API_KEY", export.Headers["x-goog-api-key"]);
        Assert.Equal(TargetEncoding.Json, export.Encoding);
        Assert.Null(export.Poll);
        Assert.StartsWith("steps[type=model_output].content[type=video]", export.Result, StringComparison.Ordinal);
        Assert.Contains(export.Warnings, w => w.Contains("duration", StringComparison.Ordinal) && w.Contains("unverified", StringComparison.Ordinal));
    }

    [Fact]
    public void GeminiOmni_Defaults_AspectRatio169And720pWithoutDuration()
    {
        var export = Export("gemini-omni-1.1-flash", []);

        AssertBody(
            """{"model":"gemini-omni-1.1-flash","input":"A fox crosses a snowy road at night.","response_format":{"type":"video","aspect_ratio":"16:9","resolution":"720p"}}""",
            export);
        Assert.Empty(export.Warnings);
    }

    [Theory]
    [InlineData("veo-3.1", "veo-3.1-generate-001")]
    [InlineData("veo-3.1-fast", "veo-3.1-fast-generate-001")]
    public void VeoVertex_PredictLongRunning_InstancesAndParameters(string id, string model)
    {
        var export = Export(
            id,
            new() { ["aspectRatio"] = "9:16", ["durationSeconds"] = "8", ["resolution"] = "1080p", ["generateAudio"] = "true", ["personGeneration"] = "allow_adult", ["enhancePrompt"] = "false" },
            negative: "text overlays");

        AssertBody(
            """{"instances":[{"prompt":"A fox crosses a snowy road at night."}],"parameters":{"aspectRatio":"9:16","durationSeconds":8,"resolution":"1080p","generateAudio":true,"personGeneration":"allow_adult","enhancePrompt":false,"negativePrompt":"text overlays"}}""",
            export);
        var models = "${GOOGLE_CLOUD_LOCATION}-aiplatform.googleapis.com/v1/projects/${GOOGLE_CLOUD_PROJECT}/locations/${GOOGLE_CLOUD_LOCATION}/publishers/google/models/";
        Assert.Equal($"https://{models}{model}:predictLongRunning", export.Url);
        Assert.Equal("Bearer $VERTEX_ACCESS_TOKEN", export.Headers["Authorization"]);
        Assert.NotNull(export.Poll);
        Assert.Equal("POST", export.Poll.Method);
        Assert.Equal($"https://{models}{model}:fetchPredictOperation", export.Poll.Url);
        Assert.EndsWith("""--data-raw '{"operationName":"'"${OPERATION_NAME}"'"}'""", export.Poll.Curl, StringComparison.Ordinal);
        Assert.Contains(export.Warnings, w => w.StartsWith($"{id} is retired (since 2026-11-17)", StringComparison.Ordinal));
    }

    [Fact]
    public void VeoVertex_1080pWithSixSeconds_IsRefusedNamingTheRule()
    {
        var result = _builder.Export(new VideoExportInput("veo-3.1", Prompt, new Dictionary<string, string?> { ["resolution"] = "1080p", ["durationSeconds"] = "6" }));

        Assert.Equal(["durationSeconds 6 is not available with resolution 1080p on veo-3.1; choose 8."], result.Errors);
    }

    [Fact]
    public void VeoVertex_1080pWithoutDuration_SetsEightSecondsAndSaysSo()
    {
        var export = Export("veo-3.1", new() { ["resolution"] = "1080p" });

        Assert.Equal(8, export.Body["parameters"]!["durationSeconds"]!.GetValue<long>());
        Assert.Contains(export.Warnings, w => w.StartsWith("durationSeconds was set to 8", StringComparison.Ordinal));
    }

    [Fact]
    public void RunwayGen45_TextToVideo_PromptTextRatioDurationAndModeration()
    {
        var export = Export("runway-gen4.5", new() { ["ratio"] = "720:1280", ["duration"] = "10", ["publicFigureThreshold"] = "low" });

        AssertBody(
            """{"model":"gen4.5","promptText":"A fox crosses a snowy road at night.","ratio":"720:1280","duration":10,"contentModeration":{"publicFigureThreshold":"low"}}""",
            export);
        AssertRunwayRequest(export);
    }

    [Fact]
    public void RunwayGen45_WithoutDuration_IsRefusedAsRequired()
    {
        var result = _builder.Export(new VideoExportInput("runway-gen4.5", Prompt));

        Assert.Equal(["duration is required by runway-gen4.5; choose 2, 3, 4, 5, 6, 7, 8, 9 or 10."], result.Errors);
    }

    [Fact]
    public void RunwayVeo31_TextToVideo_AudioAndNegativePrompt()
    {
        var export = Export("runway-veo3.1", new() { ["ratio"] = "1920:1080", ["duration"] = "6", ["audio"] = "TRUE" }, negative: "blurry faces");

        AssertBody(
            """{"model":"veo3.1","promptText":"A fox crosses a snowy road at night.","ratio":"1920:1080","duration":6,"audio":true,"negativePrompt":"blurry faces"}""",
            export);
        AssertRunwayRequest(export);
    }

    [Fact]
    public void RunwaySeedance2_TextToVideo_AudioAndFoldedNegatives()
    {
        var export = Export("runway-seedance2", new() { ["audio"] = "false" }, negative: "text, watermarks");

        AssertBody(
            """{"model":"seedance2","promptText":"A fox crosses a snowy road at night.\n\nNo text. No watermarks.","audio":false}""",
            export);
        AssertRunwayRequest(export);
    }

    [Fact]
    public void LumaRay32_Generations_TypeVideoWithVideoOptions()
    {
        var export = Export("luma-ray-3.2", new() { ["aspect_ratio"] = "21:9", ["duration"] = "5s", ["resolution"] = "1080p", ["loop"] = "true", ["hdr"] = "false" });

        AssertBody(
            """{"model":"ray-3.2","type":"video","prompt":"A fox crosses a snowy road at night.","aspect_ratio":"21:9","video":{"duration":"5s","resolution":"1080p","loop":true,"hdr":false}}""",
            export);
        Assert.Equal("https://agents.lumalabs.ai/v1/generations", export.Url);
        Assert.Equal("Bearer $LUMA_AGENTS_API_KEY", export.Headers["Authorization"]);
        Assert.Equal("https://agents.lumalabs.ai/v1/generations/${GENERATION_ID}", export.Poll?.Url);
        Assert.Equal("GET", export.Poll?.Method);
    }

    [Fact]
    public void LumaRay32_LoopWithTenSeconds_IsRefused()
    {
        var result = _builder.Export(new VideoExportInput("luma-ray-3.2", Prompt, new Dictionary<string, string?> { ["loop"] = "true", ["duration"] = "10s" }));

        Assert.Equal(["duration 10s is not available with loop true on luma-ray-3.2; choose 5s."], result.Errors);
    }

    [Theory]
    [InlineData("seedance-2.0", "dreamina-seedance-2-0-260128", "1080p")]
    [InlineData("seedance-2.0-fast", "dreamina-seedance-2-0-fast-260128", "720p")]
    public void Seedance_ModelArkTask_TextContentAndTopLevelFields(string id, string model, string resolution)
    {
        var export = Export(id, new() { ["ratio"] = "adaptive", ["resolution"] = resolution, ["duration"] = "-1", ["generate_audio"] = "true" }, negative: "no subtitles");

        AssertBody(
            $$"""{"model":"{{model}}","content":[{"type":"text","text":"A fox crosses a snowy road at night.\n\nNo subtitles."}],"ratio":"adaptive","resolution":"{{resolution}}","duration":-1,"generate_audio":true}""",
            export);
        Assert.Equal("https://ark.ap-southeast.bytepluses.com/api/v3/contents/generations/tasks", export.Url);
        Assert.Equal("Bearer $ARK_API_KEY", export.Headers["Authorization"]);
        Assert.Equal("https://ark.ap-southeast.bytepluses.com/api/v3/contents/generations/tasks/${TASK_ID}", export.Poll?.Url);
        Assert.Equal("content.video_url", export.Poll?.Result);
        Assert.Contains(export.Warnings, w => w.StartsWith($"{id} is unverified", StringComparison.Ordinal));
    }

    [Fact]
    public void SeedanceFast_1080p_IsRefused()
    {
        var result = _builder.Export(new VideoExportInput("seedance-2.0-fast", Prompt, new Dictionary<string, string?> { ["resolution"] = "1080p" }));

        Assert.Equal(["resolution 1080p is not available for seedance-2.0-fast; choose 480p or 720p."], result.Errors);
    }

    [Theory]
    [InlineData("kling-v2.6", "kling-v2-6", "10")]
    [InlineData("kling-v3", "kling-v3", "15")]
    public void Kling_Text2Video_ModelNameAndStringDuration(string id, string model, string duration)
    {
        var export = Export(id, new() { ["mode"] = "pro", ["aspect_ratio"] = "1:1", ["duration"] = duration, ["sound"] = "on" }, negative: "smoke");

        AssertBody(
            $$"""{"model_name":"{{model}}","prompt":"A fox crosses a snowy road at night.","mode":"pro","aspect_ratio":"1:1","duration":"{{duration}}","sound":"on","negative_prompt":"smoke"}""",
            export);
        Assert.Equal("https://api-singapore.klingai.com/v1/videos/text2video", export.Url);
        Assert.Equal("Bearer $KLING_API_TOKEN", export.Headers["Authorization"]);
        Assert.Equal("https://api-singapore.klingai.com/v1/videos/text2video/${TASK_ID}", export.Poll?.Url);
        Assert.Equal("data.task_result.videos[0].url", export.Poll?.Result);
        Assert.Contains(export.Warnings, w => w.StartsWith($"{id} is unverified", StringComparison.Ordinal));
    }

    [Fact]
    public void KlingV26_SoundWithStdMode_IsRefused()
    {
        var result = _builder.Export(new VideoExportInput("kling-v2.6", Prompt, new Dictionary<string, string?> { ["sound"] = "on", ["mode"] = "std" }));

        Assert.Equal(["mode std is not available with sound on on kling-v2.6; choose pro."], result.Errors);
    }

    [Theory]
    [InlineData("sora-2", "1280x720")]
    [InlineData("sora-2-pro", "1792x1024")]
    public void Sora_VideosMultipart_SameFieldsAsTheSoraExport(string id, string size)
    {
        var export = Export(id, new() { ["size"] = size, ["seconds"] = "12" });
        var sora = _builder.Build(new VideoRequestInput(Prompt, id, size, "12"));

        AssertBody($$"""{"model":"{{id}}","prompt":"A fox crosses a snowy road at night.","size":"{{size}}","seconds":"12"}""", export);
        Assert.Equal(TargetEncoding.MultipartForm, export.Encoding);
        Assert.Equal("https://api.openai.com/v1/videos", export.Url);
        Assert.Equal(sora.Curl, export.Curl);
        Assert.Equal("https://api.openai.com/v1/videos/${VIDEO_ID}", export.Poll?.Url);
        Assert.Contains(export.Warnings, w => w.StartsWith($"{id} is retired (since 2026-09-24)", StringComparison.Ordinal));
    }

    [Fact]
    public void Generic_HasNoRequest_IsRefusedNamingTheTargetsWithOne()
    {
        var result = _builder.Export(new VideoExportInput("generic", Prompt));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("target generic has no API to send a request to", error, StringComparison.Ordinal);
        Assert.Contains("kling-v3", error, StringComparison.Ordinal);
        Assert.DoesNotContain("or generic", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("runway-gen4.5", 1000, PromptLimitUnit.Utf16Units, "1,000 UTF-16 code units")]
    [InlineData("runway-seedance2", 3500, PromptLimitUnit.Utf16Units, "3,500 UTF-16 code units")]
    public void Export_PromptOverVerifiedLimit_IsRefusedWithLimitAndUnit(string id, int max, string unit, string named)
    {
        var parameters = id == "runway-gen4.5" ? new Dictionary<string, string?> { ["duration"] = "5" } : null;
        var atLimit = _builder.Export(new VideoExportInput(id, new string('a', max), parameters));
        var over = _builder.Export(new VideoExportInput(id, new string('a', max - 1) + "🦊", parameters));

        Assert.Equal(unit, TargetCatalog.LoadEmbedded().Find(id)!.PromptLimit!.Unit);
        Assert.True(atLimit.Succeeded, string.Join(" ", atLimit.Errors));
        Assert.Equal([$"prompt is {max + 1:N0} UTF-16 code units; {id} takes at most {named}. Shorten it."], over.Errors);
    }

    [Fact]
    public void Export_VeoPromptOverTokenEstimate_IsRefusedNamingTokens()
    {
        var result = _builder.Export(new VideoExportInput("veo-3.1", string.Join(' ', Enumerable.Repeat("fox", 1100))));

        var error = Assert.Single(result.Errors);
        Assert.Equal("prompt is about 1,100 tokens (estimated at 4 characters a token); veo-3.1 takes at most 1,024 tokens. Shorten it.", error);
    }

    [Fact]
    public void Export_PromptOverUnverifiedLimit_WarnsInsteadOfRefusing()
    {
        var export = Export("kling-v3", [], prompt: new string('b', 2501));

        Assert.Contains("prompt is 2,501 characters; kling-v3 takes at most 2,500 characters according to an unofficial source (unverified).", export.Warnings);
    }

    [Theory]
    [InlineData("luma-ray-3.2", "resolution", "4k", "resolution 4k is not available for luma-ray-3.2; choose 540p, 720p or 1080p.")]
    [InlineData("runway-veo3.1", "duration", "5", "duration 5 is not available for runway-veo3.1; choose 4, 6 or 8.")]
    [InlineData("runway-veo3.1", "audio", "yes", "audio yes is not available for runway-veo3.1; choose true or false.")]
    [InlineData("runway-gen4.5", "negativePrompt", "x", "negativePrompt is not a parameter of runway-gen4.5; use ratio, duration or publicFigureThreshold.")]
    [InlineData("veo-3.1", "instances", "x", "instances is not a parameter of veo-3.1; use aspectRatio, durationSeconds, resolution, generateAudio, personGeneration or enhancePrompt.")]
    public void Export_ValueOrNameTheTargetDoesNotTake_IsRefusedNamingTheChoices(string id, string name, string value, string expected)
    {
        var parameters = new Dictionary<string, string?> { [name] = value };
        if (id == "runway-gen4.5")
        {
            parameters["duration"] = "5";
        }

        var result = _builder.Export(new VideoExportInput(id, Prompt, parameters));

        Assert.Equal([expected], result.Errors);
    }

    [Fact]
    public void Export_NegativeOnTargetThatAdvisesAgainst_LeavesItOutWithWarning()
    {
        var export = Export("runway-gen4.5", new() { ["duration"] = "5" }, negative: "rain");

        Assert.Equal(Prompt, export.Body["promptText"]!.GetValue<string>());
        Assert.DoesNotContain("rain", export.Curl, StringComparison.Ordinal);
        Assert.Contains(export.Warnings, w => w.StartsWith("negativePrompt was left out: Use positive phrasing", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("text, watermarks", "A fox.\n\nNo text. No watermarks.")]
    [InlineData("No dialogue; don't cut\nblur.", "A fox.\n\nNo dialogue. Don't cut. No blur.")]
    [InlineData("  ,  ", "A fox.")]
    public void FoldNegatives_Items_BecomeShortSentences(string negative, string expected)
    {
        var folded = VideoRequestBuilder.FoldNegatives("A fox.", negative);

        Assert.Equal(expected, folded);
    }

    [Fact]
    public void Export_UnknownTarget_ListsEveryTarget()
    {
        var result = _builder.Export(new VideoExportInput("veo-4", Prompt));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("target veo-4 is not a known target; choose gemini-omni-1.1-flash, veo-3.1,", error, StringComparison.Ordinal);
        Assert.EndsWith("sora-2-pro or generic.", error, StringComparison.Ordinal);
    }

    private static void AssertRunwayRequest(VideoExport export)
    {
        Assert.Equal("https://api.dev.runwayml.com/v1/text_to_video", export.Url);
        Assert.Equal(["Authorization", "X-Runway-Version", "Content-Type"], export.Headers.Keys);
        Assert.Equal("Bearer $RUNWAY_API_KEY", export.Headers["Authorization"]);
        Assert.Equal("2024-11-06", export.Headers["X-Runway-Version"]);
        Assert.Equal("https://api.dev.runwayml.com/v1/tasks/${TASK_ID}", export.Poll?.Url);
        Assert.Equal("GET", export.Poll?.Method);
        Assert.Contains("-H \"X-Runway-Version: 2024-11-06\"", export.Poll?.Curl, StringComparison.Ordinal);
    }

    private static void AssertBody(string expected, VideoExport export) =>
        Assert.Equal(expected, VideoRequestBuilder.ToJson(export.Body));

    private VideoExport Export(string id, Dictionary<string, string?> parameters, string? negative = null, string prompt = Prompt)
    {
        var result = _builder.Export(new VideoExportInput(id, prompt, parameters, negative));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return result.Export;
    }
}
