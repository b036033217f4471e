using Microsoft.Extensions.AI;

namespace SoraPromptGenie.Core.Engines.Llm;

/// <summary>A model id and the chat client that reaches it. The engine tries models in list order.</summary>
public sealed record LlmModel(string ModelId, IChatClient Client);
