using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoraPromptGenie.Data.Entities;

namespace SoraPromptGenie.Data.Configurations;

public sealed class PromptVersionConfiguration : IEntityTypeConfiguration<PromptVersion>
{
    public void Configure(EntityTypeBuilder<PromptVersion> builder)
    {
        builder.ToTable("prompt_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Title).HasMaxLength(SavedPromptConfiguration.MaxTitleLength).IsRequired();
        builder.Property(v => v.Text).HasMaxLength(SavedPromptConfiguration.MaxTextLength).IsRequired();
        builder.Property(v => v.Model).HasMaxLength(64);
        builder.Property(v => v.Size).HasMaxLength(32);
        builder.Property(v => v.Seconds).HasMaxLength(8);
        builder.Property(v => v.Target).HasMaxLength(SavedPromptConfiguration.MaxTargetLength);
        builder.Property(v => v.Parameters).HasMaxLength(SavedPromptConfiguration.MaxParametersLength);
        builder.Property(v => v.Operation).HasMaxLength(32).IsRequired();
        builder.Property(v => v.EnhancementIds).HasMaxLength(2_000);
        builder.Property(v => v.Engine).HasMaxLength(200);

        // Version numbers are contiguous per prompt: a second writer of the same number fails here.
        builder.HasIndex(v => new { v.PromptId, v.Number }).IsUnique();
    }
}
