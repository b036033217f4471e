using SoraPromptGenie.Core.Catalog;

namespace SoraPromptGenie.Tests.Catalog;

public sealed class PromptCatalogTests
{
    [Fact]
    public void LoadEmbedded_ParsesTheCatalog()
    {
        var catalog = PromptCatalog.LoadEmbedded();

        Assert.NotNull(catalog.Categories);
    }
}
