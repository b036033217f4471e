namespace SoraPromptGenie.Core.Storyboards;

/// <summary>The part a shot plays in the story.</summary>
internal enum StoryBeat
{
    Establish,
    Develop,
    Turn,
    Resolve,
}

/// <summary>
/// The beats of a storyboard of some number of shots: establish, develop, turn, resolve; two shots establish and
/// resolve, three leave out the development, and more than four develop in several shots.
/// </summary>
internal static class StoryBeats
{
    public static IReadOnlyList<StoryBeat> For(int shots) => shots switch
    {
        <= 2 => [StoryBeat.Establish, StoryBeat.Resolve],
        3 => [StoryBeat.Establish, StoryBeat.Turn, StoryBeat.Resolve],
        _ => [StoryBeat.Establish, .. Enumerable.Repeat(StoryBeat.Develop, shots - 3), StoryBeat.Turn, StoryBeat.Resolve],
    };

    /// <summary>
    /// What the subject does in the beat, after the idea's own sentence: a beat the linter can count, in words that suit a
    /// person, an animal or a thing. <paramref name="round"/> varies the development when it takes several shots.
    /// </summary>
    public static string Action(StoryBeat beat, string name, int round) => beat switch
    {
        StoryBeat.Establish => $"{name} pauses for a beat, then carries on.",
        StoryBeat.Develop => (round % 4) switch
        {
            0 => $"{name} goes on, pausing once between two slow movements.",
            1 => $"{name} stops, then repeats the motion twice, steadier the second time.",
            2 => $"{name} hurries for three quick beats, then slows again.",
            _ => $"{name} stops for a moment, then goes on more slowly.",
        },
        StoryBeat.Turn => $"{name} stops short, turns toward something just out of frame and holds still for a two-count.",
        _ => $"{name} slows, then holds still as the moment settles, for a final beat.",
    };

    /// <summary>How the shot hands over to the one after it (the beat that follows), or ends the storyboard.</summary>
    public static string Transition(StoryBeat? next) => next switch
    {
        StoryBeat.Develop => "Cut in closer on the movement.",
        StoryBeat.Turn => "Cut on the pause.",
        StoryBeat.Resolve => "Cut wide as the moment settles.",
        null => "Fade out.",
        _ => "Cut on the movement.",
    };
}
