using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Prompts;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Mcp;

/// <summary>
/// The resources (the catalog, each target with its writing guide) and the prompts (write_shot, improve_prompt) over
/// HTTP with the official client: what they hold is what the API and the engines use.
/// </summary>
public sealed class McpResourcesAndPromptsTests(AppFactory<OfflineMcpSettings> factory) : IClassFixture<AppFactory<OfflineMcpSettings>>
{
    private static readonly TargetCatalog Targets = TargetCatalog.LoadEmbedded();

    [Fact]
    public async Task Resources_ListTheCatalogAndEveryTarget_AndTheTargetTemplate()
    {
        await using var client = await McpTestClient.ConnectAsync(factory);

        var resources = await client.ListResourcesAsync();
        var templates = await client.ListResourceTemplatesAsync();

        Assert.Equal(
            Targets.Ids.Select(id => "spg://targets/" + id).Append("spg://catalog").Order(StringComparer.Ordinal),
            resources.Select(r => r.Uri).Order(StringComparer.Ordinal));
        Assert.All(resources, r => Assert.Equal("application/json", r.MimeType));
        Assert.Equal("spg://targets/{id}", Assert.Single(templates).UriTemplate);
    }

    [Fact]
    public async Task CatalogResource_IsTheDocumentOfGetApiCatalog()
    {
        await using var client = await McpTestClient.ConnectAsync(factory);
        using var http = factory.CreateClient();

        var read = await client.ReadResourceAsync("spg://catalog");
        var api = await http.GetStringAsync(new Uri("/api/catalog", UriKind.Relative));

        var contents = Assert.IsType<TextResourceContents>(Assert.Single(read.Contents));
        Assert.Equal(api, contents.Text);
        Assert.Equal(12, JsonDocument.Parse(contents.Text).RootElement.GetProperty("categories").GetArrayLength());
    }

    [Theory]
    [InlineData("veo-3.1")]
    [InlineData("runway-gen4.5")]
    [InlineData("sora-2")]
    public async Task TargetResource_HoldsTheProfileWithStatusAndTheEnginesWritingGuide(string id)
    {
        await using var client = await McpTestClient.ConnectAsync(factory);
        var profile = Targets.Find(id)!;
        var style = new TargetStyle(profile);

        var read = await client.ReadResourceAsync("spg://targets/" + id);

        var contents = Assert.IsType<TextResourceContents>(Assert.Single(read.Contents));
        using var resource = JsonDocument.Parse(contents.Text);
        var target = resource.RootElement.GetProperty("target");
        Assert.Equal("spg://targets/" + id, contents.Uri);
        Assert.Equal(id, target.GetProperty("id").GetString());
        Assert.Equal(Targets.StatusOf(profile), target.GetProperty("status").GetString());
        Assert.Equal(profile.Guidance.Select(g => g.Text), target.GetProperty("guidance").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(TargetGuide.Layout(style) + TargetGuide.Craft(style), resource.RootElement.GetProperty("writingGuide").GetString());
    }

    [Fact]
    public async Task TargetResource_UnknownId_IsAProtocolErrorNamingTheTargets()
    {
        await using var client = await McpTestClient.ConnectAsync(factory);

        var error = await Assert.ThrowsAnyAsync<McpException>(() => client.ReadResourceAsync("spg://targets/sora-9").AsTask());

        Assert.Contains("target sora-9 is not a known target", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompts_ListBothWithRequiredArgumentsAndTheTargetIds()
    {
        await using var client = await McpTestClient.ConnectAsync(factory);

        var prompts = await client.ListPromptsAsync();

        Assert.Equal(["improve_prompt", "write_shot"], prompts.Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var prompt in prompts)
        {
            Assert.False(string.IsNullOrWhiteSpace(prompt.Description));
            Assert.All(prompt.ProtocolPrompt.Arguments!, a => Assert.True(a.Required));
            var target = prompt.ProtocolPrompt.Arguments!.Single(a => a.Name == "target");
            Assert.EndsWith($"One of: {string.Join(", ", Targets.Ids)}.", target.Description, StringComparison.Ordinal);
            Assert.Equal(1, CountOf("One of:", target.Description!));
        }
    }

    [Fact]
    public async Task WriteShot_EmbedsTheExpandInstructionsForTheTargetAndTheIdea()
    {
        await using var client = await McpTestClient.ConnectAsync(factory);
        var profile = Targets.Find("runway-gen4.5")!;

        var result = await client.GetPromptAsync("write_shot", new Dictionary<string, object?> { ["idea"] = "a fox crossing a snowy road", ["target"] = "runway-gen4.5" });

        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Messages).Content).Text;
        Assert.Equal(Role.User, result.Messages[0].Role);
        Assert.StartsWith(ExpandPrompt.For(profile), text, StringComparison.Ordinal);
        Assert.Contains("<idea>\na fox crossing a snowy road\n</idea>", text, StringComparison.Ordinal);
        Assert.Contains(profile.Guidance[0].Text, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImprovePrompt_EmbedsTheStructureInstructionsForTheTargetThePromptAndTheGuideCheck()
    {
        await using var client = await McpTestClient.ConnectAsync(factory);
        var profile = Targets.Find("veo-3.1")!;

        var result = await client.GetPromptAsync("improve_prompt", new Dictionary<string, object?> { ["prompt"] = "a beautiful fox", ["target"] = "veo-3.1" });

        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Messages).Content).Text;
        Assert.StartsWith(StructurePrompt.For(profile), text, StringComparison.Ordinal);
        Assert.Contains("<prompt>\na beautiful fox\n</prompt>", text, StringComparison.Ordinal);
        Assert.Contains("The guide check for Veo 3.1 (Vertex AI) scored it ", text, StringComparison.Ordinal);
        Assert.Contains("\"beautiful\" is vague", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompts_UnknownTarget_AreProtocolErrorsNamingTheTargets()
    {
        await using var client = await McpTestClient.ConnectAsync(factory);

        var error = await Assert.ThrowsAnyAsync<McpException>(() =>
            client.GetPromptAsync("write_shot", new Dictionary<string, object?> { ["idea"] = "a fox crossing a road", ["target"] = "sora-9" }).AsTask());

        Assert.Contains("target sora-9 is not a known target; choose ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completion_OfATargetArgumentOrTemplateId_OffersTheMatchingTargetIds()
    {
        await using var client = await McpTestClient.ConnectAsync(factory);

        var prompt = await client.CompleteAsync(new PromptReference { Name = "write_shot" }, "target", "ve");
        var template = await client.CompleteAsync(new ResourceTemplateReference { Uri = "spg://targets/{id}" }, "id", "sora");
        var idea = await client.CompleteAsync(new PromptReference { Name = "write_shot" }, "idea", "a");

        Assert.Equal(["veo-3.1", "veo-3.1-fast"], prompt.Completion.Values);
        Assert.Equal(["sora-2", "sora-2-pro"], template.Completion.Values);
        Assert.Empty(idea.Completion.Values);
    }

    private static int CountOf(string part, string text) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
