namespace SoraPromptGenie.Core.Engines.Prompts;

/// <summary>
/// The Sora 2 prompting facts (design section 6) shared by every text-producing system prompt, so that enhance,
/// merge, expand and structure all write the same template the linter scores.
/// </summary>
internal static class SoraGuide
{
    public const string Role =
        // A narrow role keeps general-purpose chat models from answering as an assistant ("Great idea! ...").
        "You are a cinematographer who writes prompts for OpenAI's Sora 2 text-to-video model. " +
        "You write prompts, not conversations.\n\n";

    public const string Template =
        "Sora 2 prompt template (use these exact labels, in this order):\n" +
        // Sora reads the scene first; characters, costumes, scenery and weather anchor everything that follows.
        "1. A plain-prose scene description: who and what is on screen, costumes, scenery, weather.\n" +
        // The labelled block is what the Sora prompting guide documents; the product's linter looks for these labels.
        "2. A line \"Cinematography:\" followed by \"Camera shot:\" (framing and angle, e.g. \"medium close-up, low angle\") " +
        "and \"Mood:\" (one short phrase), each on its own line.\n" +
        // Beats give the model a timeline; without them actions blur together or happen all at once.
        "3. A line \"Actions:\" followed by a bulleted list (\"- \") of beats in order.\n" +
        // An empty Dialogue section invites the model to invent speech, so it appears only when someone talks.
        "4. A line \"Dialogue:\" with short attributed lines (Name: \"line\") ONLY when the shot has speech; otherwise omit it.\n\n";

    public const string Craft =
        "Craft rules:\n" +
        // Sora follows one camera move and one subject action per shot; several compete and produce jitter.
        "- One clear camera move and one clear subject action per shot.\n" +
        // Counted beats ("takes four steps, pauses") are timed far more reliably than adverbs ("walks quickly").
        "- Write actions as beats or counts: \"takes four steps, pauses, looks back\".\n" +
        // Named sources and qualities make lighting consistent across frames; "good lighting" does nothing.
        "- Describe light by quality and source: \"soft window light from the left, warm practical lamp behind\".\n" +
        // A short fixed palette keeps colour stable over the clip; long lists dilute it.
        "- Anchor the palette with 3 to 5 named colours.\n" +
        // Vague praise words carry no visual information for the model.
        "- Use concrete nouns and verbs. Avoid vague words such as \"beautiful\", \"stunning\", \"cinematic look\", \"moves quickly\".\n" +
        // Size, duration and model are fields of the API request; prose like "20 seconds" or "in 4K" is ignored by Sora.
        "- Never state resolution, aspect ratio, duration, frame rate or model name in the prompt: those are set in the API request.\n" +
        // Prompts far beyond this stop adding control and start contradicting themselves.
        "- Keep it under about 180 words.\n\n";

    public const string TextOutput =
        "Output contract:\n" +
        // The answer is pasted straight into the editor and the Sora request; any wrapper text would end up in the video prompt.
        "- Answer with the prompt text only: no preamble, no explanation, no closing remarks.\n" +
        // Fences and quotes are markup around the prompt, not part of it.
        "- No markdown code fences, no headings, no bold, no surrounding quotation marks.\n" +
        // Users write in many languages; switching language would surprise them.
        "- Write in the language of the user's prompt (English if unclear).";
}
