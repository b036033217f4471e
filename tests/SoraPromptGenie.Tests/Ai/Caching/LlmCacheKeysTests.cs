using SoraPromptGenie.Ai.Caching;
using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;

namespace SoraPromptGenie.Tests.Ai.Caching;

public sealed class LlmCacheKeysTests
{
    private static readonly LlmCacheKeys Keys = new("openrouter", ["google/gemini-2.5-flash-lite"], "v1");

    [Fact]
    public void Expand_OtherModel_GivesOtherKey()
    {
        var other = new LlmCacheKeys("openrouter", ["openai/gpt-4o-mini"], "v1");

        Assert.NotEqual(Keys.Expand("a fox at dawn"), other.Expand("a fox at dawn"));
    }

    [Fact]
    public void Expand_OtherPromptVersion_GivesOtherKey()
    {
        var other = new LlmCacheKeys("openrouter", ["google/gemini-2.5-flash-lite"], "v2");

        Assert.NotEqual(Keys.Expand("a fox at dawn"), other.Expand("a fox at dawn"));
    }

    [Fact]
    public void Expand_OtherProviderOrFallbackChain_GivesOtherKey()
    {
        var otherProvider = new LlmCacheKeys("localhost", ["google/gemini-2.5-flash-lite"], "v1");
        var withFallback = new LlmCacheKeys("openrouter", ["google/gemini-2.5-flash-lite", "openai/gpt-4o-mini"], "v1");

        Assert.NotEqual(Keys.Expand("x y z"), otherProvider.Expand("x y z"));
        Assert.NotEqual(Keys.Expand("x y z"), withFallback.Expand("x y z"));
    }

    [Fact]
    public void Structure_SameTextDifferentLayout_GivesSameKey()
    {
        var key = Keys.Structure("A fox at dawn.\nCamera: slow dolly.");

        Assert.Equal(key, Keys.Structure("  A fox  at\tdawn. \r\nCamera:   slow dolly.\n\n\n"));
        Assert.Equal(key, Keys.Structure("A fox at dawn.\nCamera: slow dolly.".Normalize(System.Text.NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData("a fox\u00A0at dawn")]
    [InlineData("a fox \t at dawn")]
    [InlineData("a fox\vat  dawn")]
    public void Normalize_AnyRunOfBlanks_BecomesOneSpace(string text) =>
        Assert.Equal("a fox at dawn", LlmCacheKeys.Normalize(text));

    [Theory]
    [InlineData("a fox \nat dawn")]
    [InlineData("a fox\n at dawn")]
    [InlineData("a fox  \n\t at dawn")]
    public void Normalize_BlanksAroundALineEnd_AreDropped(string text) =>
        Assert.Equal("a fox\nat dawn", LlmCacheKeys.Normalize(text));

    [Fact]
    public void Normalize_AlreadyNormalized_ReturnsTheSameString()
    {
        var text = "A fox at dawn.\nCamera: slow dolly, warm light.";

        Assert.Same(text, LlmCacheKeys.Normalize(text));
    }

    [Fact]
    public void Structure_DifferentCaseOrWords_GivesDifferentKey()
    {
        Assert.NotEqual(Keys.Structure("a fox at dawn"), Keys.Structure("A fox at dawn"));
        Assert.NotEqual(Keys.Structure("a fox at dawn"), Keys.Structure("a fox at dusk"));
    }

    [Fact]
    public void ForEachOperation_SameInput_GivesDifferentKeys()
    {
        var keys = new[] { Keys.Expand("a b c"), Keys.Structure("a b c"), Keys.Enhance("a b c", [new EnhancementSpec("t", "d", "lighting")]) };

        Assert.Equal(3, keys.Distinct().Count());
        Assert.All(keys, k => Assert.StartsWith(LlmCacheKeys.Prefix, k, StringComparison.Ordinal));
    }

    [Fact]
    public void Enhance_FieldBoundariesMoved_GivesDifferentKey()
    {
        var one = Keys.Enhance("p", [new EnhancementSpec("ab", "c", "lighting")]);
        var other = Keys.Enhance("p", [new EnhancementSpec("a", "bc", "lighting")]);

        Assert.NotEqual(one, other);
    }

    [Fact]
    public void Suggest_OtherCountOrCategory_GivesOtherKey()
    {
        var catalog = PromptCatalog.LoadEmbedded();
        var categories = catalog.Categories.Take(2).ToList();

        var key = Keys.Suggest(new SuggestionRequest(categories[0], 8, "p"));

        Assert.NotEqual(key, Keys.Suggest(new SuggestionRequest(categories[0], 7, "p")));
        Assert.NotEqual(key, Keys.Suggest(new SuggestionRequest(categories[1], 8, "p")));
        Assert.Equal(key, Keys.Suggest(new SuggestionRequest(categories[0], 8, " p ")));
    }

    [Fact]
    public void Enhance_CardsToTakeOut_GiveOtherKeyThanAddingAlone()
    {
        EnhancementSpec golden = new("Golden Hour", "Warm sun.", "lighting");
        EnhancementSpec neon = new("Neon Glow", "Neon signs.", "lighting");

        var adding = Keys.Enhance("p", [neon]);
        var swapping = Keys.Enhance("p", [neon], [golden]);

        Assert.NotEqual(adding, swapping);
        Assert.NotEqual(swapping, Keys.Enhance("p", [golden], [neon]));
        Assert.Equal(adding, Keys.Enhance("p", [neon], []));
        Assert.Equal(swapping, Keys.For(new TextOperation.Enhance("p", [neon]) { Removing = [golden] }));
    }
}
