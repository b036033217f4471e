using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SoraPromptGenie.Ai.Caching;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Prompts;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Tests.Engines.Prompts;

namespace SoraPromptGenie.Tests.Ai.Caching;

/// <summary>Cache keys of requests written for a target: the target and the target guide version are part of the key.</summary>
public sealed class TargetCacheKeysTests
{
    private static readonly TargetCatalog Targets = TargetCatalog.LoadEmbedded();
    private static readonly LlmCacheKeys Keys = new("openrouter", ["google/gemini-2.5-flash-lite"]);

    public static TheoryData<string> Operations => ["enhance", "merge", "revise", "expand", "structure", "suggest"];

    [Theory]
    [MemberData(nameof(Operations))]
    public void For_TwoTargets_TwoKeys_AndNeitherIsTheKeyWithoutATarget(string name)
    {
        var operation = NoTargetBaselineTests.OperationNamed(name);

        var none = Keys.For(operation);
        var runway = Keys.For(operation with { Target = Targets.Find("runway-gen4.5") });
        var veo = Keys.For(operation with { Target = Targets.Find("veo-3.1") });

        Assert.Equal(3, new[] { none, runway, veo }.Distinct().Count());
        Assert.Equal(runway, Keys.For(operation with { Target = Targets.Find("RUNWAY-GEN4.5") }));
        Assert.StartsWith(none[..none.LastIndexOf(':')], runway, StringComparison.Ordinal);
    }

    [Fact]
    public void For_Target_KeyMaterialHoldsTheTargetIdAndTheGuideVersion()
    {
        var operation = new TextOperation.Expand("a fox at dawn") { Target = Targets.Find("veo-3.1") };
        string[] parts = ["openrouter", "google/gemini-2.5-flash-lite", PromptSpec.Version, $"target=veo-3.1@{TargetGuide.Version}", "Expand", "a fox at dawn"];
        var material = string.Concat(parts.Select(p => $"{p.Length}:{p}|"));

        var expected = "spg:llm:expand:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));

        Assert.Equal(expected, Keys.For(operation));
    }

    [Fact]
    public void CachedAnswer_TextWithWarnings_KeepsThemAndWithoutWarningsStoresTheSameBytesAsBefore()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var warned = CachedAnswer.Of(new EngineText("A fox.", "openrouter:m", Warnings: ["Cut to fit."]))!;
        var plain = CachedAnswer.Of(new EngineText("A fox.", "openrouter:m"))!;

        var back = JsonSerializer.Deserialize<CachedAnswer>(JsonSerializer.Serialize(warned, json), json)!;

        Assert.Equal(["Cut to fit."], ((EngineText)back.AnswerTo(new TextOperation.Expand("a fox at dawn"))!).Warnings);
        Assert.Equal("""{"engine":"openrouter:m","model":"m","text":"A fox.","suggestions":null}""", JsonSerializer.Serialize(plain, json));
    }
}
