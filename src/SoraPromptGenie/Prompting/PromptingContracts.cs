using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Ops;

namespace SoraPromptGenie.Prompting;

public sealed record EnhancementInput
{
    [Required(ErrorMessage = "Each enhancement needs a title.")]
    [StringLength(PromptLimits.MaxTitleChars, ErrorMessage = "An enhancement title must be at most 120 characters.")]
    public string? Title { get; init; }

    [StringLength(PromptLimits.MaxDescriptionChars, ErrorMessage = "An enhancement description must be at most 500 characters.")]
    public string? Description { get; init; }

    [Required(ErrorMessage = "Each enhancement needs a category.")]
    [StringLength(PromptLimits.MaxCategoryChars, ErrorMessage = "An enhancement category must be at most 64 characters.")]
    public string? Category { get; init; }
}

// The prompt fields' length limits are settings (PromptLimitsOptions); PromptInput checks them with the character rules.

public sealed record EnhancePromptRequest
{
    /// <summary>Required, as in the original API; an empty string asks for a new prompt written around the enhancement.</summary>
    [Required(AllowEmptyStrings = true, ErrorMessage = "currentPrompt is required (send \"\" to start from an empty prompt).")]
    public string? CurrentPrompt { get; init; }

    public EnhancementInput? Enhancement { get; init; }

    [MaxLength(PromptLimits.MaxEnhancements, ErrorMessage = "Send at most 12 enhancements, one per category.")]
    public IReadOnlyList<EnhancementInput>? Enhancements { get; init; }

    /// <summary><c>true</c> asks for a new answer instead of a cached one.</summary>
    public bool? Fresh { get; init; }

    /// <summary>With the workspace key: save the result as a new version of this saved prompt.</summary>
    public Guid? PromptId { get; init; }

    /// <summary>A target id from <c>GET /api/targets</c>: write for that video model. Without it the answer is written for the Sora 2 guide.</summary>
    [StringLength(64, ErrorMessage = "target must be at most 64 characters.")]
    public string? Target { get; init; }
}

public sealed record GenerateSuggestionsRequest
{
    [Required(ErrorMessage = "category is required.")]
    [StringLength(PromptLimits.MaxCategoryChars, ErrorMessage = "category must be at most 64 characters.")]
    public string? Category { get; init; }

    [Range(PromptLimits.MinSuggestions, PromptLimits.MaxSuggestions, ErrorMessage = "count must be an integer from 1 to 20.")]
    public int? Count { get; init; }

    public string? CurrentPrompt { get; init; }

    /// <summary><c>true</c> asks for a new answer instead of a cached one.</summary>
    public bool? Fresh { get; init; }

    /// <summary>A target id from <c>GET /api/targets</c>: write for that video model. Without it the answer is written for the Sora 2 guide.</summary>
    [StringLength(64, ErrorMessage = "target must be at most 64 characters.")]
    public string? Target { get; init; }
}

public sealed record AutoGeneratePromptRequest
{
    [Required(ErrorMessage = PromptLimits.TooFewWordsMessage)]
    public string? BasicPrompt { get; init; }

    /// <summary><c>true</c> asks for a new answer instead of a cached one.</summary>
    public bool? Fresh { get; init; }

    /// <summary>With the workspace key: save the result as a new version of this saved prompt.</summary>
    public Guid? PromptId { get; init; }

    /// <summary>A target id from <c>GET /api/targets</c>: write for that video model. Without it the answer is written for the Sora 2 guide.</summary>
    [StringLength(64, ErrorMessage = "target must be at most 64 characters.")]
    public string? Target { get; init; }
}

public sealed record StructurePromptRequest
{
    [Required(AllowEmptyStrings = true, ErrorMessage = "currentPrompt is required.")]
    public string? CurrentPrompt { get; init; }

    /// <summary><c>true</c> asks for a new answer instead of a cached one.</summary>
    public bool? Fresh { get; init; }

    /// <summary>With the workspace key: save the result as a new version of this saved prompt.</summary>
    public Guid? PromptId { get; init; }

    /// <summary>A target id from <c>GET /api/targets</c>: write for that video model. Without it the answer is written for the Sora 2 guide.</summary>
    [StringLength(64, ErrorMessage = "target must be at most 64 characters.")]
    public string? Target { get; init; }
}

public sealed record LintPromptRequest
{
    [Required(AllowEmptyStrings = true, ErrorMessage = "prompt is required.")]
    public string? Prompt { get; init; }

    /// <summary>A target id (<c>GET /api/targets</c>): adds that target's rules. Without it the prompt is linted against the Sora 2 guide.</summary>
    [StringLength(64, ErrorMessage = "target must be at most 64 characters.")]
    public string? Target { get; init; }
}

public sealed record SoraRequestRequest
{
    [Required(ErrorMessage = "prompt is required.")]
    public string? Prompt { get; init; }

    [StringLength(64, ErrorMessage = "model must be at most 64 characters.")]
    public string? Model { get; init; }

    [StringLength(32, ErrorMessage = "size must be at most 32 characters.")]
    public string? Size { get; init; }

    /// <summary>Sora takes seconds as a string ("4"); a number is accepted too.</summary>
    [JsonConverter(typeof(StringOrNumberJsonConverter))]
    [StringLength(8, ErrorMessage = "seconds must be at most 8 characters.")]
    public string? Seconds { get; init; }
}

/// <summary>Fields every AI response carries besides the original ones.</summary>
public abstract record AiResponse
{
    /// <summary><c>openrouter:&lt;model&gt;</c>, <c>&lt;base-host&gt;:&lt;model&gt;</c> or <c>offline</c>.</summary>
    public required string Engine { get; init; }

    /// <summary>Set when the offline engine answered because the LLM failed: the error code of that failure.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FallbackReason { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EngineUsage? Usage { get; init; }

    /// <summary><c>true</c> when a stored answer was reused instead of calling the model.</summary>
    public bool Cached { get; init; }

    /// <summary>Set when the request named a <c>promptId</c>: the number of the version the result was saved as.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? SavedVersion { get; init; }

    /// <summary>What was changed to keep the result a valid prompt, for example shortened to the length limit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Warnings { get; init; }
}

public sealed record EnhancePromptResponse(string EnhancedPrompt) : AiResponse;

public sealed record GenerateSuggestionsResponse(IReadOnlyList<Suggestion> Suggestions) : AiResponse;

public sealed record AutoGeneratePromptResponse(string GeneratedPrompt) : AiResponse;

public sealed record StructurePromptResponse(string StructuredPrompt) : AiResponse;
