using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoraPromptGenie.Data.Entities;

namespace SoraPromptGenie.Data.Configurations;

public sealed class LlmCallConfiguration : IEntityTypeConfiguration<LlmCall>
{
    public void Configure(EntityTypeBuilder<LlmCall> builder)
    {
        builder.ToTable("llm_calls");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Operation).HasMaxLength(32).IsRequired();
        builder.Property(c => c.Model).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Engine).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Outcome).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Cost).HasPrecision(18, 8);
        builder.Property(c => c.RequestId).HasMaxLength(128);

        // The usage report filters by time range.
        builder.HasIndex(c => c.Timestamp);
    }
}
