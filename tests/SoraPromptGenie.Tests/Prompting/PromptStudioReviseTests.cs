using Microsoft.Extensions.Options;
using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Offline;
using SoraPromptGenie.Prompting;

namespace SoraPromptGenie.Tests.Prompting;

public sealed class PromptStudioReviseTests
{
    private static readonly PromptCatalog Catalog = PromptCatalog.LoadEmbedded();
    private readonly PromptStudio _studio = new(new OfflinePromptEngine(Catalog), Catalog, new PromptInput(Options.Create(new PromptLimitsOptions())));

    [Fact]
    public async Task StreamRevise_RemoveOnly_TakesTheCardOutOfTheGivenText()
    {
        var text = new OfflinePromptEngine(Catalog).Enhance("A fox.", [Spec("lighting/golden-hour"), Spec("style/16mm-documentary")]);

        var result = _studio.StreamRevise(text + "\nMine.", [], [Input("lighting/golden-hour")], CancellationToken.None);

        Assert.True(result.Succeeded);
        var final = await FinalAsync(result.Value!);
        Assert.Equal("A fox.\n\nMine.\n\nShot on grainy 16mm film in a raw, observational documentary style.", final.Text);
        Assert.DoesNotContain("golden-hour", final.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void StreamRevise_PromptWithControlCharacter_IsRefusedLikeEnhance()
    {
        var result = _studio.StreamRevise("A fox.\u001b[31m", [], [Input("lighting/golden-hour")], CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("currentPrompt", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void StreamRevise_TwoCardsToRemoveInOneCategory_IsRefused()
    {
        var result = _studio.StreamRevise("A fox.", [], [Input("lighting/golden-hour"), Input("lighting/neon-glow")], CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("lighting", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void StreamRevise_NothingToRemoveOrApply_IsRefused()
    {
        var result = _studio.StreamRevise("A fox.", [], [], CancellationToken.None);

        Assert.False(result.Succeeded);
    }

    private static EnhancementSpec Spec(string id) =>
        Catalog.FindEnhancement(id) is { } e ? new EnhancementSpec(e.Title, e.Description, e.Category) : throw new ArgumentException(id);

    private static EnhancementInput Input(string id) =>
        Catalog.FindEnhancement(id) is { } e ? new EnhancementInput { Title = e.Title, Description = e.Description, Category = e.Category } : throw new ArgumentException(id);

    private static async Task<EngineText> FinalAsync(IAsyncEnumerable<EngineStreamChunk> chunks)
    {
        await foreach (var chunk in chunks)
        {
            if (chunk.Final is { } final)
            {
                return final;
            }
        }

        throw new InvalidOperationException("No final chunk.");
    }
}
