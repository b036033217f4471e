using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoraPromptGenie.Data.Entities;

namespace SoraPromptGenie.Data.Configurations;

public sealed class StoryboardVersionConfiguration : IEntityTypeConfiguration<StoryboardVersion>
{
    public void Configure(EntityTypeBuilder<StoryboardVersion> builder)
    {
        builder.ToTable("storyboard_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Title).HasMaxLength(SavedPromptConfiguration.MaxTitleLength).IsRequired();
        builder.Property(v => v.Document).HasMaxLength(SavedStoryboardConfiguration.MaxDocumentLength).IsRequired();
        builder.Property(v => v.Operation).HasMaxLength(32).IsRequired();
        builder.Property(v => v.Engine).HasMaxLength(200);

        // Version numbers are contiguous per storyboard: a second writer of the same number fails here.
        builder.HasIndex(v => new { v.StoryboardId, v.Number }).IsUnique();
    }
}
