using Bunit;
using SoraPromptGenie.Studio;

namespace SoraPromptGenie.Tests.Studio;

public sealed class StudioComponentTests : StudioTestContext
{
    [Fact]
    public void StudioPage_EmptyPrompt_ShowsHintStartersAndDisabledAutoGenerate()
    {
        var page = Render<StudioPage>();

        Assert.Contains("Auto-generate", page.Find("[data-testid='empty-state']").TextContent, StringComparison.Ordinal);
        Assert.Equal(Catalog.Starters.Count, page.FindAll("[data-testid^='starter-']").Count);
        Assert.True(page.Find("[data-testid='auto-generate']").HasAttribute("disabled"));
    }

    [Fact]
    public void StudioPage_ThreeWordsTyped_EnablesAutoGenerateAndCounts()
    {
        var page = Render<StudioPage>();

        page.Find("[data-testid='prompt']").Input("a fox runs");

        Assert.False(page.Find("[data-testid='auto-generate']").HasAttribute("disabled"));
        Assert.Equal("10 characters · 3 words", page.Find("[data-testid='counts']").TextContent);
    }

    [Fact]
    public void StudioPage_CardClicked_ShowsCheckMarkAndAppliedStripEntry()
    {
        var page = Render<StudioPage>();
        page.Find("[data-testid='starter-" + Catalog.Starters[0].Id + "']").Click();

        page.Find("[data-card-id='lighting/golden-hour']").Click();

        // The card is applied by a streamed engine call on the thread pool; on a busy machine that can take seconds.
        page.WaitForAssertion(
            () => Assert.Equal("true", page.Find("[data-card-id='lighting/golden-hour']").GetAttribute("aria-pressed")),
            TimeSpan.FromSeconds(30));
        Assert.NotNull(page.Find("[data-card-id='lighting/golden-hour'] .check"));
        Assert.NotNull(page.Find("[data-testid='remove-lighting/golden-hour']"));
    }

    [Fact]
    public void StudioPage_MarkupInPrompt_IsRenderedAsTextInHistory()
    {
        var page = Render<StudioPage>();
        page.Find("[data-testid='prompt']").Input("<img src=x onerror=alert(1)> a fox");
        Session.CommitTyping();

        page.Render();

        Assert.Empty(page.FindAll("[data-testid='history'] img"));
        Assert.Contains("&lt;img src=x", page.Find("[data-testid='history']").InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void StudioPage_AdvancedMode_ShowsAllCategoriesInGroups()
    {
        var page = Render<StudioPage>();

        page.Find("[data-testid='mode-advanced']").Click();

        Assert.Equal(Catalog.Categories.Count, page.FindAll("[data-testid^='category-']").Count);
        Assert.Equal(Catalog.Groups.Count, page.FindAll("[data-testid^='group-']").Count);
        Assert.Empty(page.FindAll("[data-testid='presets']"));
    }

    [Fact]
    public void ExportPanel_SwitchToPro_OffersProSizes()
    {
        var panel = Render<ExportPanel>(p => p.Add(x => x.Prompt, "A fox crosses a snowy road."));

        panel.Find("[data-testid='export-model']").Change("sora-2-pro");

        var sizes = panel.FindAll("[data-testid='export-size'] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["1280x720", "720x1280", "1024x1792", "1792x1024"], sizes);
        Assert.Contains("model=sora-2-pro", panel.Find("[data-testid='export-preview']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportPanel_EmptyPrompt_ShowsErrorInsteadOfCopyButtons()
    {
        var panel = Render<ExportPanel>(p => p.Add(x => x.Prompt, string.Empty));

        Assert.NotEmpty(panel.FindAll("[data-testid='export-errors'] li"));
        Assert.Empty(panel.FindAll("[data-testid='copy-json']"));
    }

    [Fact]
    public void ExportPanel_RetiredTarget_ShowsStatusNote()
    {
        var panel = Render<ExportPanel>(p => p.Add(x => x.Prompt, "A fox."));

        var note = panel.Find("[data-testid='export-status']").TextContent;

        Assert.Contains("retired", note, StringComparison.Ordinal);
    }
}
