using Streamline.Core.Dsl;
using Streamline.Samples.Etl.Documents;
using Streamline.Samples.Etl.Shards;

namespace Streamline.Samples.Etl.Pipeline;

/// <summary>
/// The outputs of the training-data pipeline. Every input line ends in exactly one of them; attach sinks to
/// those you need (an output left alone is drained by the runner).
/// </summary>
public sealed record TrainingDataStreams(
    DataStream<ShardDocument> Kept,
    DataStream<ValidationError> Invalid,
    DataStream<QualityReject> Rejected,
    DataStream<ExactDuplicate> ExactDuplicates,
    DataStream<NearDuplicate> NearDuplicates);
