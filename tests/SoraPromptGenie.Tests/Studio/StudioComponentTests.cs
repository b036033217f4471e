using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Library;
using SoraPromptGenie.Prompting;
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
    public void StudioPage_TargetPicker_ListsEveryTargetWithRetiredOnesMarkedWithTheirDate()
    {
        var targets = Services.GetRequiredService<TargetCatalog>();
        var page = Render<StudioPage>();

        var options = page.FindAll("[data-testid='target-picker'] option");

        Assert.Equal(targets.Ids.Order(StringComparer.Ordinal), options.Select(o => o.GetAttribute("value")!).Order(StringComparer.Ordinal));
        var sora = options.Single(o => o.GetAttribute("value") == "sora-2");
        Assert.Equal("Sora 2 — retired 2026-09-24", sora.TextContent);
        Assert.Contains("retired", sora.ClassName, StringComparison.Ordinal);
        Assert.Equal("Kling 3 — unverified", options.Single(o => o.GetAttribute("value") == "kling-v3").TextContent);
        Assert.Equal(TargetSelection.DefaultTargetId, page.Find("[data-testid='target-picker']").GetAttribute("value"));
    }

    [Fact]
    public void StudioPage_TargetChosen_ShowsItsGuidanceAndStatus()
    {
        var page = Render<StudioPage>();

        page.Find("[data-testid='target-picker']").Change("sora-2");

        Assert.Equal("sora-2", Session.Target.Id);
        var advice = page.FindAll("[data-testid='target-guidance'] li").Select(li => li.TextContent).ToList();
        Assert.Equal(Session.Target.Guidance.Select(g => g.Text), advice);
        Assert.Contains("retired 2026-09-24", page.Find("[data-testid='target-status']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void StudioPage_GenericTarget_ExportShowsASentenceInsteadOfARequest()
    {
        var page = Render<StudioPage>();
        page.Find("[data-testid='prompt']").Input("A fox crosses a snowy road.");

        Assert.Contains("has no API of its own", page.Find("[data-testid='export-none']").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid='copy-json']"));
        Assert.Empty(page.FindAll("[data-testid='copy-curl']"));
    }

    [Fact]
    public void StudioPage_SoraProChosen_OffersOnlyProSizesAndExportsThem()
    {
        var page = Render<StudioPage>();
        page.Find("[data-testid='prompt']").Input("A fox crosses a snowy road.");

        page.Find("[data-testid='target-picker']").Change("sora-2-pro");
        page.Find("[data-testid='export-param-size']").Change("1792x1024");

        var sizes = page.FindAll("[data-testid='export-param-size'] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["1280x720", "720x1280", "1024x1792", "1792x1024"], sizes);
        Assert.Contains("model=sora-2-pro", page.Find("[data-testid='export-preview']").TextContent, StringComparison.Ordinal);
        Assert.Contains("\"size\": \"1792x1024\"", page.Find("[data-testid='export-body']").TextContent, StringComparison.Ordinal);
        Assert.Contains("$OPENAI_API_KEY", page.Find("[data-testid='export-key']").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll("[data-testid='export-poll'] pre"));
    }

    [Fact]
    public void StudioPage_KlingSoundOn_ModeOffersOnlyPro()
    {
        var page = Render<StudioPage>();
        page.Find("[data-testid='prompt']").Input("A fox crosses a snowy road.");
        page.Find("[data-testid='target-picker']").Change("kling-v2.6");

        page.Find("[data-testid='export-param-sound']").Change("on");

        var modes = page.FindAll("[data-testid='export-param-mode'] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["pro"], modes);
        Assert.Contains("\"mode\": \"pro\"", page.Find("[data-testid='export-body']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void StudioPage_EmptyPromptForTargetWithApi_ShowsBuilderErrorInsteadOfCopyButtons()
    {
        var page = Render<StudioPage>();

        page.Find("[data-testid='target-picker']").Change("runway-gen4.5");

        Assert.NotEmpty(page.FindAll("[data-testid='export-errors'] li"));
        Assert.Empty(page.FindAll("[data-testid='copy-json']"));
    }

    [Fact]
    public void StudioPage_TargetWithLimit_MeterCountsInItsUnitAndMarksOver()
    {
        var page = Render<StudioPage>();
        page.Find("[data-testid='target-picker']").Change("runway-gen4.5");

        page.Find("[data-testid='prompt']").Input(new string('a', 1_001));

        var meter = page.Find("[data-testid='meter']");
        Assert.Equal("1,001 / 1,000 UTF-16 code units", meter.TextContent);
        Assert.Equal("true", meter.GetAttribute("data-over"));
        Assert.Contains("over", meter.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void StudioPage_ConfiguredPromptLimit_IsTheEditorsMaxLength()
    {
        Services.AddSingleton(new PromptInput(Options.Create(new PromptLimitsOptions { MaxPromptChars = 1_500 })));
        var page = Render<StudioPage>();

        page.Find("[data-testid='prompt']").Input(new string('a', 1_600));

        Assert.Equal("1500", page.Find("[data-testid='prompt']").GetAttribute("maxlength"));
        Assert.Equal(1_500, Session.Prompt.Length);
    }

    [Fact]
    public void PromptEditor_TargetAndParametersChosen_AreWhatTheLibraryReads()
    {
        var page = Render<StudioPage>();
        page.Find("[data-testid='target-picker']").Change("kling-v3");
        page.Find("[data-testid='export-param-duration']").Change("12");

        var choice = Services.GetRequiredService<IPromptEditor>().Target;

        Assert.NotNull(choice);
        Assert.Equal("kling-v3", choice.Target);
        Assert.Equal(new Dictionary<string, string> { ["duration"] = "12" }, choice.Parameters);
    }

    [Fact]
    public async Task StudioPage_LibraryHandsBackTextWithTarget_PickerAndExportFollowIt()
    {
        var page = Render<StudioPage>();
        var panel = page.FindComponent<SoraPromptGenie.Library.Components.LibraryPanel>();
        var choice = new TargetChoice("sora-2-pro", new Dictionary<string, string> { ["size"] = "1024x1792", ["seconds"] = "12" });

        await page.InvokeAsync(() => panel.Instance.TextOpened.InvokeAsync(new EditorText("A fox crosses a snowy road.", "Opened: Fox", choice)));

        Assert.Equal("sora-2-pro", Session.Target.Id);
        Assert.Equal("sora-2-pro", page.Find("[data-testid='target-picker']").GetAttribute("value"));
        Assert.Equal("1024x1792", page.Find("[data-testid='export-param-size']").GetAttribute("value"));
        Assert.Equal("12", page.Find("[data-testid='export-param-seconds']").GetAttribute("value"));
        Assert.Contains("\"seconds\": \"12\"", page.Find("[data-testid='export-body']").TextContent, StringComparison.Ordinal);
        Assert.Equal("A fox crosses a snowy road.", Session.Prompt);
    }

    [Fact]
    public async Task StudioPage_LibraryHandsBackTextWithoutTarget_KeepsChosenTarget()
    {
        var page = Render<StudioPage>();
        page.Find("[data-testid='target-picker']").Change("luma-ray-3.2");
        var panel = page.FindComponent<SoraPromptGenie.Library.Components.LibraryPanel>();

        await page.InvokeAsync(() => panel.Instance.TextOpened.InvokeAsync(new EditorText("A fox crosses a snowy road.", "Opened: Fox")));

        Assert.Equal("luma-ray-3.2", Session.Target.Id);
    }
}
