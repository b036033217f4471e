using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Offline;

namespace SoraPromptGenie.Tests.Engines.Offline;

public sealed class SuggestionRankerTests
{
    private static readonly PromptCatalog Catalog = PromptCatalog.LoadEmbedded();
    private readonly OfflinePromptEngine _engine = new(Catalog);

    [Fact]
    public async Task SuggestAsync_NoPrompt_ReturnsCatalogOrderWithCatalogIds()
    {
        var lighting = Catalog.FindCategory("lighting")!;

        var result = await _engine.RunAsync(new SuggestionRequest(lighting, 3, null), CancellationToken.None);

        Assert.Equal("offline", result.Engine);
        Assert.Equal(lighting.Enhancements.Take(3).Select(e => e.Id), result.Suggestions.Select(s => s.Id));
        Assert.All(result.Suggestions, s =>
        {
            var entry = Catalog.FindEnhancement(s.Id);
            Assert.NotNull(entry);
            Assert.Equal((entry.Title, entry.Description, "lighting"), (s.Title, s.Description, s.Category));
        });
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(8, 8)]
    [InlineData(20, 12)]
    [InlineData(0, 0)]
    public async Task SuggestAsync_Count_HonouredUpToWhatTheCategoryHolds(int count, int expected)
    {
        var request = new SuggestionRequest(Catalog.FindCategory("camera-angles")!, count, "A dancer spins on a rooftop.");

        var result = await _engine.RunAsync(request, CancellationToken.None);

        Assert.Equal(expected, result.Suggestions.Count);
        Assert.Equal(expected, result.Suggestions.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public async Task SuggestAsync_CardWrittenIntoThePrompt_IsNotSuggestedAgain()
    {
        var candle = Catalog.FindEnhancement("lighting/candlelight")!;
        var prompt = _engine.Enhance("A monk reads by a window.", [new EnhancementSpec(candle.Title, candle.Description, candle.Category)]);

        var result = await _engine.RunAsync(new SuggestionRequest(Catalog.FindCategory("lighting")!, 12, prompt), CancellationToken.None);

        Assert.DoesNotContain(candle.Title, prompt, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(result.Suggestions, s => s.Id == candle.Id);
        Assert.Equal(11, result.Suggestions.Count);
    }

    [Fact]
    public async Task SuggestAsync_PromptSharesWordsWithAnEntry_RanksThatEntryFirst()
    {
        var request = new SuggestionRequest(Catalog.FindCategory("lighting")!, 3, "Candle flames flicker across faces in a dark cellar.");

        var result = await _engine.RunAsync(request, CancellationToken.None);

        Assert.Equal("lighting/candlelight", result.Suggestions[0].Id);
    }

    [Fact]
    public async Task SuggestAsync_EqualOverlap_BreaksTiesByCatalogOrder()
    {
        var request = new SuggestionRequest(Catalog.FindCategory("lighting")!, 12, "Someone stands by the windows.");

        var result = await _engine.RunAsync(request, CancellationToken.None);

        var ids = result.Suggestions.Select(s => s.Id).ToList();
        Assert.Equal(["lighting/soft-window-light", "lighting/volumetric-light-shafts"], ids[..2]);
        var rest = Catalog.FindCategory("lighting")!.Enhancements.Select(e => e.Id).Except(ids[..2]);
        Assert.Equal(rest, ids[2..]);
    }

    [Fact]
    public async Task SuggestAsync_EntryAlreadyApplied_IsExcluded()
    {
        var golden = Catalog.FindEnhancement("lighting/golden-hour")!;
        var prompt = _engine.Enhance("A fox crosses a snowy road.", [new EnhancementSpec(golden.Title, golden.Description, "lighting")]);

        var result = await _engine.RunAsync(new SuggestionRequest(Catalog.FindCategory("Lighting")!, 20, prompt), CancellationToken.None);

        Assert.Equal(11, result.Suggestions.Count);
        Assert.DoesNotContain(result.Suggestions, s => s.Id == "lighting/golden-hour");
    }

    [Fact]
    public async Task SuggestAsync_TitleWrittenByHandInAnyCase_IsExcluded()
    {
        var request = new SuggestionRequest(Catalog.FindCategory("camera-angles")!, 20, "Shot at EYE LEVEL, a bird's-eye view follows.");

        var result = await _engine.RunAsync(request, CancellationToken.None);

        Assert.DoesNotContain(result.Suggestions, s => s.Id is "camera-angles/eye-level" or "camera-angles/birds-eye-view");
        Assert.Equal(10, result.Suggestions.Count);
    }

    [Fact]
    public async Task SuggestAsync_StopWordsOnly_KeepCatalogOrder()
    {
        var request = new SuggestionRequest(Catalog.FindCategory("mood")!, 4, "the and of a with into");

        var result = await _engine.RunAsync(request, CancellationToken.None);

        Assert.Equal(Catalog.FindCategory("mood")!.Enhancements.Take(4).Select(e => e.Id), result.Suggestions.Select(s => s.Id));
    }
}
