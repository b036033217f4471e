using System.ComponentModel.DataAnnotations;
using SoraPromptGenie.Library;
using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Mcp;

/// <summary>
/// A workspace key when set, as <c>POST /api/workspaces</c> returned it: a pasted "Bearer " or quotes would open no
/// library and only show up at the first library tool call. Never quotes the value.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WorkspaceKeyAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string { Length: > 0 } key || LibraryService.IsWellFormedKey(key)
            ? ValidationResult.Success
            : SettingFailure.Of(
                validationContext,
                $"must be a workspace key as POST /api/workspaces returns it: {LibraryService.KeyLength} letters, digits, '-' or '_'.");
}
