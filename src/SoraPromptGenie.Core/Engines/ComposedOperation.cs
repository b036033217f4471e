using SoraPromptGenie.Core.Catalog;

namespace SoraPromptGenie.Core.Engines;

/// <summary>
/// An operation that brings its own writing, so that a part of Core above the engines (storyboards) adds an operation
/// without the engines knowing its types: the offline engine asks it for its deterministic answer, the LLM engine for
/// the conversation to send and for how the model's text becomes the answer. The decorators (fallback, usage records)
/// treat it like any other operation.
/// </summary>
public interface IComposedOperation
{
    /// <summary>The system prompt (the target's, when the operation has one).</summary>
    string SystemPrompt { get; }

    /// <summary>The user message, with the user's text tagged as material.</summary>
    string UserMessage { get; }

    /// <summary>The offline engine's answer, written from <paramref name="catalog"/>.</summary>
    EngineResult WriteOffline(PromptCatalog catalog);

    /// <summary>
    /// The model's text as the answer; throws <see cref="UpstreamException"/> (<see cref="UpstreamFailure.Error"/>) when it
    /// cannot be used, which the LLM engine counts as that model's failure.
    /// </summary>
    EngineResult ReadAnswer(string modelText, string engine, EngineUsage? usage);
}
