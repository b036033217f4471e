namespace SoraPromptGenie.Core.Catalog;

/// <summary>
/// One enhancement card. <see cref="Id"/> is a stable slug: <c>{category}/{name}</c>. <see cref="Phrase"/> is the card
/// written to sit inside a sentence of a shot ("low, warm golden-hour sun raking across the scene"), which is how the
/// offline engine puts the card into prose; the <see cref="Description"/> explains the card to a person.
/// </summary>
public sealed record Enhancement(string Id, string Title, string Description, string Category, string Phrase = "");

public sealed record Category(
    string Id,
    string Name,
    string Group,
    bool Core,
    string Icon,
    IReadOnlyList<Enhancement> Enhancements);

public sealed record CategoryGroup(string Id, string Name, IReadOnlyList<string> Categories);

public sealed record Preset(string Id, string Name, string Description, IReadOnlyList<string> Enhancements);

public sealed record StarterPrompt(string Id, string Title, string Prompt);
