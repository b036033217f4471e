using System.Security.Cryptography;
using System.Text;
using SoraPromptGenie.Ai.Caching;
using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Llm;
using SoraPromptGenie.Core.Engines.Prompts;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Engines.Prompts;

/// <summary>
/// A request without a target is answered exactly as before targets existed: the messages sent to the model and the
/// response cache keys are pinned to the values the product had then (SHA-256 of each message, the keys verbatim).
/// </summary>
public sealed class NoTargetBaselineTests
{
    private static readonly EnhancementSpec GoldenHour = new("Golden Hour", "Low warm sun from behind the subject.", "lighting");
    private static readonly EnhancementSpec LowAngle = new("Low Angle", "Camera below eye level looking up.", "camera-angles");
    private static readonly EnhancementSpec Moonlight = new("Moonlight", "Cool blue light from above.", "lighting");

    private static readonly Category Lighting = new(
        "lighting", "Lighting", "visuals", Core: true, Icon: "light",
        [new Enhancement("lighting/golden-hour", "Golden Hour", "Low warm sun.", "lighting")]);

    public static TheoryData<string, string, string> Operations => new()
    {
        { "enhance", "ef9822a3e935f8f7838038da930614c881231ab81b467f3ed43db8cd8c9d475f", "4199679326a875b2ccd13f0fbaf2284dc4fcafde9ec59a777339db07b048ecf0" },
        { "merge", "a186dde425eddafd239196f125aca435aafb5936d054221491ac9a630b2d002f", "96b3455eb5cd654676b1e84a9d2d691b806727e001ca0073ed5c588cfdbe7190" },
        { "revise", "730f69cb2cc7f14d4f2ccbefc87a7e62645d3fd99c28a7558ae52e4d59035481", "e0daf5394292e6e686f23727f97d80dc03a4e3fd7dd3c8dc3899eda5bd5a3823" },
        { "expand", "863fde01401cd6b085f81ca62a6a3022809d659252a0b905f7bac2bbb5b00db8", "11b571c7d49efc17ee5dfd02e2f26b506ac737c232f05fefd50d7061bd0adbe9" },
        { "structure", "62b801b17ea2ca02f870b68952cd16141345c6c09ba3a478ac07d7d5e182c149", "1770918db0136dc021ff0ced9c1680b97266e5065c313c77fded94a2662b4a62" },
        { "suggest", "2d2b1bff19b299e2284e902d3b6f7ab748c2b11fb5dfc21f25a0129f65570d69", "69f5f21c49c1829421d388be4f9935f62a792608e628e0c6d461315fd6d4ab54" },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Messages_NoTarget_AreTheBaselineBytes(string name, string systemHash, string userHash)
    {
        var client = new FakeChatClient().Reply(name == "suggest" ? """[{"title":"A","description":"B."}]""" : "A fox.");
        var engine = new LlmPromptEngine([new LlmModel("primary/model", client)], new LlmEngineOptions { TimeoutSeconds = 10 }, new NoObserver(), TimeProvider.System);

        await RunAsync(engine, OperationNamed(name));

        var call = Assert.Single(client.Calls);
        Assert.Equal(PromptSpec.Version, call.Messages[0].AdditionalProperties?[PromptSpec.VersionProperty]);
        Assert.Equal((systemHash, userHash), (Hash(call.System), Hash(call.User)));
    }

    public static TheoryData<string, string> Keys => new()
    {
        { "enhance", "spg:llm:enhance:a48b51ece575084d1241359b9cbf360deb2b5a7f8305b2ed4481f80bd1cad488" },
        { "merge", "spg:llm:merge:2d648171c1d71b7888182a917fc0a485e0e71c9c6eb13349bc33605aaee78381" },
        { "revise", "spg:llm:enhance:14b1b34f0818a447f19dd517f1cff305c8179fd37db524675bc51dc2e596dfee" },
        { "expand", "spg:llm:expand:920d68ed27ad780780b3df57e5fd47fa1725f6eeeb88e418a7d29c102bb34f2f" },
        { "structure", "spg:llm:structure:7d292c2c1497a6fbe92bcbce76935204d98347e93c89f7ee2f91ac24bb37a0c3" },
        { "suggest", "spg:llm:suggest:783a484dfca8684ce22cca1dae3e1efae640baa3d3b9a0f45667ff70c180fdf6" },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void CacheKey_NoTarget_IsTheBaselineKey(string name, string expected)
    {
        var keys = new LlmCacheKeys("openrouter", ["google/gemini-2.5-flash-lite", "openai/gpt-4o-mini"]);

        Assert.Equal(expected, keys.For(OperationNamed(name)));
    }

    internal static EngineOperation OperationNamed(string name) => name switch
    {
        "enhance" => new TextOperation.Enhance("A fox crosses a snowy road.", [GoldenHour]),
        "merge" => new TextOperation.Enhance("A fox crosses a snowy road.", [GoldenHour, LowAngle]),
        "revise" => new TextOperation.Enhance("A fox crosses a snowy road at golden hour.", [Moonlight]) { Removing = [GoldenHour] },
        "expand" => new TextOperation.Expand("a fox crossing a snowy road at night"),
        "structure" => new TextOperation.Structure("A fox crosses a snowy road. The camera tracks it. It stops."),
        "suggest" => new SuggestionRequest(Lighting, 3, "A fox crosses a snowy road."),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static Task RunAsync(LlmPromptEngine engine, EngineOperation operation) => operation switch
    {
        TextOperation text => engine.RunAsync(text, CancellationToken.None),
        SuggestionRequest suggest => engine.RunAsync(suggest, CancellationToken.None),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed class NoObserver : ILlmCallObserver
    {
        public void OnCall(LlmCallRecord record)
        {
        }
    }
}
