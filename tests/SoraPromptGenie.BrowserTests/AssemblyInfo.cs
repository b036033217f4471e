// Each collection starts an app and a browser; on a small machine they run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
