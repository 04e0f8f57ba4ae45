using Akka.Actor;
using Akka.Configuration;
using Streamline.Runtime.Node;
using Xunit;

namespace Streamline.Runtime.Tests.Node;

/// <summary>The task shard region runs on members with streamline.runtime.task-role; a node without it fails at start.</summary>
public sealed class TaskRoleTests
{
    private static ActorSystem System(string roles) => ActorSystem.Create("roles", ConfigurationFactory.ParseString($"""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp {"{"} hostname = 127.0.0.1, port = 0 {"}"}
            akka.loglevel = WARNING
            {roles}
            """).WithFallback(RuntimeConfig.Default()));

    [Fact]
    public async Task A_node_whose_own_roles_lack_the_task_role_fails_at_start_naming_the_setting()
    {
        var system = System("akka.cluster.roles = [backend]");
        try
        {
            var error = Assert.Throws<ConfigurationException>(() => StreamlineNode.Start(system, new PipelineRegistry()));
            Assert.Contains("akka.cluster.roles = [backend]", error.Message);
            Assert.Contains("\"streamline\"", error.Message);
            Assert.Contains("streamline.runtime.task-role", error.Message);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task Every_node_has_the_task_role_by_default()
    {
        var system = System("");
        try
        {
            Assert.Contains("streamline", Akka.Cluster.Cluster.Get(system).SelfRoles);
            Assert.NotNull(StreamlineNode.Start(system, new PipelineRegistry()).Region);
        }
        finally
        {
            await system.Terminate();
        }
    }
}
