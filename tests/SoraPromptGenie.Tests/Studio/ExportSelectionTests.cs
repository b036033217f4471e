using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Studio;

namespace SoraPromptGenie.Tests.Studio;

public sealed class ExportSelectionTests
{
    private static ExportSelection Create()
    {
        var targets = TargetCatalog.LoadEmbedded();
        return new ExportSelection(targets, new VideoRequestBuilder(targets));
    }

    [Fact]
    public void New_Default_IsSora2WithItsDefaults()
    {
        var selection = Create();

        Assert.Equal("sora-2", selection.Target.Id);
        Assert.Equal("720x1280", selection.Size);
        Assert.Equal("4", selection.Seconds);
        Assert.Equal(["1280x720", "720x1280"], selection.Sizes);
        Assert.Equal(["4", "8", "12"], selection.SecondsOptions);
    }

    [Fact]
    public void SelectSize_ProOnlySizeOnSora2_IsIgnored()
    {
        var selection = Create();

        selection.SelectSize("1792x1024");

        Assert.Equal("720x1280", selection.Size);
    }

    [Fact]
    public void SelectTarget_BackFromProWithProOnlySize_FallsBackToDefaultSizeAndKeepsSeconds()
    {
        var selection = Create();
        selection.SelectTarget("sora-2-pro");
        selection.SelectSize("1792x1024");
        selection.SelectSeconds("12");

        selection.SelectTarget("sora-2");

        Assert.Equal("720x1280", selection.Size);
        Assert.Equal("12", selection.Seconds);
    }

    [Fact]
    public void Build_ProSelection_BodyCarriesChosenValues()
    {
        var selection = Create();
        selection.SelectTarget("sora-2-pro");
        selection.SelectSize("1024x1792");
        selection.SelectSeconds("8");

        var result = selection.Build("A fox crosses a snowy road.");

        Assert.True(result.Succeeded);
        Assert.Equal("sora-2-pro", result.Body["model"]);
        Assert.Equal("1024x1792", result.Body["size"]);
        Assert.Equal("8", result.Body["seconds"]);
        Assert.Contains("\"size\": \"1024x1792\"", ExportSelection.BodyJsonText(result.Body), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EmptyPrompt_ReturnsErrors()
    {
        var selection = Create();

        var result = selection.Build("  ");

        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Errors);
    }
}
