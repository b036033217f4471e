using System.Text.Json;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Studio;

namespace SoraPromptGenie.Tests.Studio;

public sealed class TargetSelectionTests
{
    private const string Prompt = "A fox crosses a snowy road.";

    private static TargetSelection Create()
    {
        var targets = TargetCatalog.LoadEmbedded();
        return new TargetSelection(targets, new VideoRequestBuilder(targets));
    }

    private static TargetParameter Parameter(TargetSelection selection, string name) => selection.Target.FindParameter(name)!;

    [Fact]
    public void New_Default_IsAnyVideoModelWithNoRequest()
    {
        var selection = Create();

        Assert.Equal(TargetSelection.DefaultTargetId, selection.Target.Id);
        Assert.Null(selection.Export(Prompt));
        Assert.Equal(TargetCatalog.LoadEmbedded().All.Count, selection.Targets.Count);
    }

    [Fact]
    public void Select_UnknownId_KeepsCurrentTarget()
    {
        var selection = Create();
        selection.Select("runway-gen4.5");

        Assert.False(selection.Select("no-such-model"));

        Assert.Equal("runway-gen4.5", selection.Target.Id);
    }

    [Fact]
    public void Select_RetiredTarget_IsOfferedAndExportsWithRetiredWarning()
    {
        var selection = Create();

        Assert.True(selection.Select("sora-2"));
        var result = selection.Export(Prompt)!;

        Assert.Equal(TargetStatus.Retired, selection.Status);
        Assert.True(result.Succeeded);
        Assert.Contains(result.Export.Warnings, w => w.Contains("retired", StringComparison.Ordinal));
    }

    [Fact]
    public void Choose_ValueNotAllowedForTarget_IsIgnored()
    {
        var selection = Create();
        selection.Select("sora-2");

        selection.Choose("size", "1792x1024");

        Assert.Equal("720x1280", selection.ValueOf(Parameter(selection, "size")));
        Assert.Empty(selection.Parameters);
    }

    [Fact]
    public void Choose_AllowedValue_ChangesExportedBody()
    {
        var selection = Create();
        selection.Select("sora-2-pro");

        selection.Choose("size", "1792x1024");
        selection.Choose("seconds", "8");
        var result = selection.Export(Prompt)!;

        Assert.True(result.Succeeded);
        Assert.Equal("1792x1024", result.Export.Body["size"]!.GetValue<string>());
        Assert.Equal("8", result.Export.Body["seconds"]!.GetValue<string>());
        Assert.Contains("\"size\": \"1792x1024\"", TargetSelection.BodyJsonText(result.Export.Body), StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_RuleTrigger_PinsConstrainedParameterToAllowedValues()
    {
        var selection = Create();
        selection.Select("kling-v2.6");
        selection.Choose("mode", "std");

        selection.Choose("sound", "on");

        Assert.Equal("pro", selection.ValueOf(Parameter(selection, "mode")));
        Assert.Equal(["pro"], selection.OptionsFor(Parameter(selection, "mode")));
        Assert.False(selection.CanLeaveUnset(Parameter(selection, "mode")));
        selection.Choose("mode", "std");
        Assert.Equal("pro", selection.ValueOf(Parameter(selection, "mode")));
        var result = selection.Export(Prompt)!;
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal("pro", result.Export.Body["mode"]!.GetValue<string>());
    }

    [Fact]
    public void Choose_RuleNoLongerHolds_OffersEveryValueAgain()
    {
        var selection = Create();
        selection.Select("veo-3.1-fast");
        selection.Choose("resolution", "1080p");
        Assert.Equal(["8"], selection.OptionsFor(Parameter(selection, "durationSeconds")));

        selection.Choose("resolution", "720p");

        Assert.Equal(["4", "6", "8"], selection.OptionsFor(Parameter(selection, "durationSeconds")));
        Assert.Equal("8", selection.ValueOf(Parameter(selection, "durationSeconds")));
    }

    [Fact]
    public void Choose_TwoRulesFromOneParameter_BothConstrainedValuesAreValidForTheBuilder()
    {
        var selection = Create();
        selection.Select("luma-ray-3.2");
        selection.Choose("duration", "10s");
        selection.Choose("hdr", "true");

        selection.Choose("loop", "true");
        var result = selection.Export(Prompt)!;

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal("5s", result.Export.Body["video"]!["duration"]!.GetValue<string>());
        Assert.False(result.Export.Body["video"]!["hdr"]!.GetValue<bool>());
    }

    [Fact]
    public void Choose_EmptyForParameterWithoutDefault_LeavesItOutOfTheBody()
    {
        var selection = Create();
        selection.Select("runway-veo3.1");
        selection.Choose("ratio", "1920:1080");

        selection.Choose("ratio", "");

        Assert.Null(selection.ValueOf(Parameter(selection, "ratio")));
        Assert.False(selection.Export(Prompt)!.Export!.Body.ContainsKey("ratio"));
    }

    [Fact]
    public void Export_RequiredParameterNotChosen_AnswersWithBuilderMessage()
    {
        var selection = Create();
        selection.Select("runway-gen4.5");

        var missing = selection.Export(Prompt)!;
        selection.Choose("duration", "5");
        var chosen = selection.Export(Prompt)!;

        Assert.False(selection.CanLeaveUnset(Parameter(selection, "duration")));
        Assert.Contains(missing.Errors, e => e.StartsWith("duration is required by runway-gen4.5", StringComparison.Ordinal));
        Assert.True(chosen.Succeeded);
        Assert.Equal(5, chosen.Export.Body["duration"]!.GetValue<long>());
    }

    [Fact]
    public void Select_BackToEarlierTarget_KeepsItsChoices()
    {
        var selection = Create();
        selection.Select("sora-2-pro");
        selection.Choose("size", "1024x1792");

        selection.Select("kling-v3");
        selection.Select("sora-2-pro");

        Assert.Equal("1024x1792", selection.Parameters["size"]);
    }

    [Fact]
    public void Apply_SavedChoice_ReplacesEarlierChoicesAndDropsValuesNotAllowed()
    {
        var selection = Create();
        selection.Select("kling-v3");
        selection.Choose("aspect_ratio", "1:1");

        var applied = selection.Apply("kling-v3", new Dictionary<string, string> { ["duration"] = "12", ["mode"] = "ultra", ["volume"] = "11" });

        Assert.True(applied);
        Assert.Equal("kling-v3", selection.Target.Id);
        Assert.Equal(new Dictionary<string, string> { ["duration"] = "12" }, selection.Parameters);
    }

    [Fact]
    public void Apply_UnknownTarget_ChangesNothing()
    {
        var selection = Create();

        Assert.False(selection.Apply("sora-9", new Dictionary<string, string> { ["size"] = "1280x720" }));

        Assert.Equal(TargetSelection.DefaultTargetId, selection.Target.Id);
    }

    [Fact]
    public void Remember_JsonOfAnotherSelection_RestoresChoicesPerTarget()
    {
        var first = Create();
        first.Select("runway-gen4.5");
        first.Choose("duration", "7");
        first.Select("sora-2");
        first.Choose("seconds", "12");
        var second = Create();

        second.Remember(first.RememberedJson());

        second.Select("runway-gen4.5");
        Assert.Equal("7", second.Parameters["duration"]);
        second.Select("sora-2");
        Assert.Equal("12", second.Parameters["seconds"]);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"sora-2\":{\"seconds\":12}}")]
    [InlineData("{\"sora-2\":{\"seconds\":\"13\"},\"nope\":{\"x\":\"y\"}}")]
    public void Remember_MalformedOrDisallowed_IsIgnored(string json)
    {
        var selection = Create();

        selection.Remember(json);

        selection.Select("sora-2");
        Assert.Empty(selection.Parameters);
    }

    [Fact]
    public void Remember_OverSizeBudget_IsIgnored()
    {
        var selection = Create();
        var json = JsonSerializer.Serialize(new Dictionary<string, Dictionary<string, string>>
        {
            ["sora-2"] = new() { ["seconds"] = "8", ["padding"] = new string('x', TargetSelection.MaxRememberedChars) },
        });

        selection.Remember(json);

        selection.Select("sora-2");
        Assert.Empty(selection.Parameters);
    }

    [Fact]
    public void Export_EmptyPrompt_ReturnsBuilderErrors()
    {
        var selection = Create();
        selection.Select("sora-2");

        var result = selection.Export("  ")!;

        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Errors);
    }
}
