mod update_share_policy;

use super::*;
use crate::{ShareAccess, ShareConfig, actors::messages::HubToDocMsgPayload};
use automerge::{
    ROOT, ReadDoc,
    sync::{self, SyncDoc},
    transaction::Transactable,
};

fn incoming_changes(v2: bool) -> SyncMessage {
    let mut sender = Automerge::new();
    sender
        .transact::<_, _, automerge::AutomergeError>(|tx| tx.put(ROOT, "remote", true))
        .unwrap();
    let mut state = sync::State::new();
    let hello = Automerge::new()
        .generate_sync_message(&mut sync::State::new())
        .unwrap();
    sender.receive_sync_message(&mut state, hello).unwrap();
    if !v2 {
        state.their_capabilities = None;
    }
    let message = sender.generate_sync_message(&mut state).unwrap();
    assert!(!message.changes.is_empty());
    SyncMessage::Sync {
        data: message.encode(),
    }
}

fn new_actor(
    ready: bool,
    initial: Option<SyncMessage>,
) -> (DocumentActor, DocActorResult, ConnectionId, IoTaskId) {
    let conn = ConnectionId::new();
    let args = SpawnArgs {
        local_peer_id: "local".into(),
        actor_id: DocumentActorId::new(),
        document_id: DocumentId::new(&mut rand::rng()),
        initial_content: ready.then(Automerge::new),
        initial_connections: HashMap::from([(
            conn,
            ("remote".into(), initial.map(DocMessage::Sync)),
        )]),
    };
    let (actor, result) = DocumentActor::new(UnixTimestamp::now(), args);
    let policy_task = result
        .io_tasks
        .iter()
        .find(|task| matches!(task.action, DocumentIoTask::CheckSharePolicy { .. }))
        .unwrap()
        .task_id;
    (actor, result, conn, policy_task)
}

fn complete_policy(
    actor: &mut DocumentActor,
    task_id: IoTaskId,
    config: ShareConfig,
) -> DocActorResult {
    actor
        .handle_io_complete(
            UnixTimestamp::now(),
            IoResult {
                task_id,
                payload: DocumentIoResult::CheckSharePolicy(config),
            },
        )
        .unwrap()
}

fn has_network_output(result: &DocActorResult) -> bool {
    result.outgoing_messages.iter().any(|msg| match &msg.0 {
        DocToHubMsgPayload::SendSyncMessage { .. } => true,
        DocToHubMsgPayload::Broadcast { connections, .. } => !connections.is_empty(),
        _ => false,
    })
}

#[test]
fn initial_messages_wait_for_policy_in_ready_and_loading_phases() {
    for ready in [false, true] {
        for policy_before_load in [false, true] {
            for v2 in [false, true] {
                for config in [
                    ShareConfig::none(),
                    ShareConfig::read_only(),
                    ShareConfig::read_write(),
                ] {
                    let (mut actor, result, conn, task_id) =
                        new_actor(ready, Some(incoming_changes(v2)));
                    assert!(!has_network_output(&result));
                    assert!(result.change_events.is_empty());
                    assert!(actor.document().get_heads().is_empty());
                    assert_eq!(result.pending_sync_messages, 1);
                    assert!(!has_network_output(
                        &actor.broadcast(UnixTimestamp::now(), vec![1])
                    ));

                    let mut out = DocActorResult::new();
                    if !ready && !policy_before_load {
                        actor.handle_load(
                            UnixTimestamp::now(),
                            &mut out,
                            &HashMap::new(),
                            &HashMap::new(),
                        );
                        assert!(actor.document().get_heads().is_empty());
                        assert!(!has_network_output(&out));
                    }
                    let decision = complete_policy(&mut actor, task_id, config);
                    if !ready && policy_before_load {
                        assert!(actor.document().get_heads().is_empty());
                        actor.handle_load(
                            UnixTimestamp::now(),
                            &mut out,
                            &HashMap::new(),
                            &HashMap::new(),
                        );
                        actor.step(UnixTimestamp::now(), &mut out);
                    }
                    assert_eq!(
                        actor.document().get(ROOT, "remote").unwrap().is_some(),
                        config.access == ShareAccess::ReadWrite
                    );
                    assert_eq!(actor.peers()[&conn].share_config, Some(config));
                    if config.access != ShareAccess::ReadWrite {
                        assert!(decision.change_events.is_empty());
                        assert!(out.change_events.is_empty());
                        assert!(actor.document().get_heads().is_empty());
                    }
                }
            }
        }
    }
}

#[test]
fn unsolicited_changes_are_ignored_even_if_sender_ignores_read_only_flag() {
    for v2 in [false, true] {
        for request in [false, true] {
            let (mut actor, _, conn, task_id) = new_actor(true, None);
            complete_policy(&mut actor, task_id, ShareConfig::read_only());
            let SyncMessage::Sync { data } = incoming_changes(v2) else {
                unreachable!()
            };
            let message = if request {
                SyncMessage::Request { data }
            } else {
                SyncMessage::Sync { data }
            };
            let result = actor
                .handle_message(
                    UnixTimestamp::now(),
                    HubToDocMsg(HubToDocMsgPayload::HandleDocMessage {
                        connection_id: conn,
                        message: DocMessage::Sync(message),
                        received_at: UnixTimestamp::now(),
                    }),
                )
                .unwrap();
            assert!(actor.document().get_heads().is_empty());
            assert!(result.change_events.is_empty());
            assert!(!result.io_tasks.iter().any(|task| matches!(
                task.action,
                DocumentIoTask::Storage(crate::io::StorageTask::Put { .. })
            )));
        }
    }
}

#[test]
fn closed_connection_discards_pending_messages_and_late_policy_results() {
    let (mut actor, _, conn, task_id) = new_actor(true, Some(incoming_changes(true)));
    actor
        .handle_message(
            UnixTimestamp::now(),
            HubToDocMsg(HubToDocMsgPayload::ConnectionClosed {
                connection_id: conn,
            }),
        )
        .unwrap();
    let result = complete_policy(&mut actor, task_id, ShareConfig::read_write());
    assert!(actor.document().get_heads().is_empty());
    assert!(!has_network_output(&result));
    assert_eq!(result.pending_sync_messages, 0);
    assert!(actor.peers().is_empty());
}

#[test]
fn overflowing_pending_policy_queue_disconnects_without_applying_changes() {
    let (mut actor, _, conn, task_id) = new_actor(true, None);
    let mut disconnected = false;
    for _ in 0..65 {
        let result = actor
            .handle_message(
                UnixTimestamp::now(),
                HubToDocMsg(HubToDocMsgPayload::HandleDocMessage {
                    connection_id: conn,
                    message: DocMessage::Sync(SyncMessage::DocUnavailable),
                    received_at: UnixTimestamp::now(),
                }),
            )
            .unwrap();
        disconnected |= result.outgoing_messages.iter().any(|msg| {
            matches!(
                msg.0, DocToHubMsgPayload::Disconnect { connection_id, .. } if connection_id == conn
            )
        });
    }
    assert!(disconnected);
    assert!(actor.peers().is_empty());
    let result = complete_policy(&mut actor, task_id, ShareConfig::read_write());
    assert_eq!(result.pending_sync_messages, 0);
    assert!(actor.document().get_heads().is_empty());
}

#[test]
fn pending_policy_queue_limits_bytes_but_allows_one_large_document() {
    let (mut actor, _, conn, _) = new_actor(true, None);
    let conn = actor.peer_connections.get_mut(&conn).unwrap();
    let now = UnixTimestamp::now();
    assert!(conn.buffer_sync_message(
        SyncMessage::Sync {
            data: vec![0; 10 * 1024 * 1024]
        },
        now
    ));
    assert!(!conn.buffer_sync_message(
        SyncMessage::Sync {
            data: vec![0; 10 * 1024 * 1024]
        },
        now
    ));
    conn.pending_sync_messages.clear();
    assert!(conn.buffer_sync_message(
        SyncMessage::Sync {
            data: vec![0; 17 * 1024 * 1024]
        },
        now
    ));
    assert!(!conn.buffer_sync_message(SyncMessage::Sync { data: vec![0] }, now));
}

#[test]
fn resetting_sync_state_preserves_read_only() {
    let (mut actor, _, conn, task_id) = new_actor(true, None);
    complete_policy(&mut actor, task_id, ShareConfig::read_only());
    let conn = actor.peer_connections.get_mut(&conn).unwrap();
    conn.reset_sync_state();
    assert!(conn.sync_state.read_only);
}

#[test]
fn a_message_from_one_peer_generates_only_for_that_peer() {
    let now = UnixTimestamp::now();
    let (mut actor, _, first, task_id) = new_actor(true, None);
    complete_policy(&mut actor, task_id, ShareConfig::read_write());
    let mut conns = vec![first];
    for peer in ["second", "third"] {
        let conn = ConnectionId::new();
        let result = actor
            .handle_message(
                now,
                HubToDocMsg(HubToDocMsgPayload::NewConnection {
                    connection_id: conn,
                    peer_id: peer.into(),
                }),
            )
            .unwrap();
        let task_id = result
            .io_tasks
            .iter()
            .find(|task| matches!(task.action, DocumentIoTask::CheckSharePolicy { .. }))
            .unwrap()
            .task_id;
        complete_policy(&mut actor, task_id, ShareConfig::read_write());
        conns.push(conn);
    }
    actor
        .with_document(now, |doc| {
            doc.transact::<_, _, automerge::AutomergeError>(|tx| tx.put(ROOT, "local", true))
                .unwrap();
        })
        .unwrap();
    let mut remotes: Vec<_> = conns
        .iter()
        .map(|_| (Automerge::new(), sync::State::new()))
        .collect();

    // Hands one remote's message to the actor; the remotes take what the
    // actor sends back. Returns the remotes that got something.
    let deliver = |actor: &mut DocumentActor,
                   remotes: &mut Vec<(Automerge, sync::State)>,
                   from: usize,
                   msg: sync::Message| {
        let result = actor
            .handle_message(
                now,
                HubToDocMsg(HubToDocMsgPayload::HandleDocMessage {
                    connection_id: conns[from],
                    message: DocMessage::Sync(SyncMessage::Sync { data: msg.encode() }),
                    received_at: now,
                }),
            )
            .unwrap();
        let mut reached = Vec::new();
        for out in result.outgoing_messages {
            if let DocToHubMsgPayload::SendSyncMessage {
                connection_id,
                message: SyncMessage::Sync { data },
                ..
            } = out.0
            {
                let to = conns.iter().position(|c| *c == connection_id).unwrap();
                let (doc, state) = &mut remotes[to];
                doc.receive_sync_message(state, sync::Message::decode(&data).unwrap())
                    .unwrap();
                reached.push(to);
            }
        }
        reached
    };
    // Until nobody has anything to say.
    let settle = |actor: &mut DocumentActor, remotes: &mut Vec<(Automerge, sync::State)>| {
        for _ in 0..20 {
            let mut quiet = true;
            for from in 0..remotes.len() {
                let (doc, state) = &mut remotes[from];
                if let Some(msg) = doc.generate_sync_message(state) {
                    quiet = false;
                    deliver(actor, remotes, from, msg);
                }
            }
            if quiet {
                return;
            }
        }
        panic!("sync did not become quiescent");
    };
    settle(&mut actor, &mut remotes);
    let generations = |actor: &DocumentActor| -> Vec<usize> {
        conns
            .iter()
            .map(|c| actor.peer_connections[c].generations)
            .collect()
    };

    // A change from the first peer goes to the other two (and the first
    // hears of the new heads).
    let (doc, state) = &mut remotes[0];
    doc.transact::<_, _, automerge::AutomergeError>(|tx| tx.put(ROOT, "first", true))
        .unwrap();
    let msg = doc.generate_sync_message(state).unwrap();
    let mut reached = deliver(&mut actor, &mut remotes, 0, msg);
    reached.sort();
    assert_eq!(reached, [0, 1, 2]);

    // The second acknowledges it: only its own exchange is looked at again.
    let before = generations(&actor);
    let (doc, state) = &mut remotes[1];
    let ack = doc.generate_sync_message(state).unwrap();
    assert!(ack.changes.is_empty());
    assert!(deliver(&mut actor, &mut remotes, 1, ack).is_empty());
    let after = generations(&actor);
    assert_eq!(after[0], before[0]);
    assert!(after[1] > before[1]);
    assert_eq!(after[2], before[2]);

    settle(&mut actor, &mut remotes);
    for (doc, _) in &remotes {
        assert_eq!(doc.get_heads(), actor.document().get_heads());
    }

    // Changes from two peers taken together: the third gets one message
    // with both.
    let batch: Vec<_> = [(0, "one"), (1, "two")]
        .into_iter()
        .map(|(from, key)| {
            let (doc, state) = &mut remotes[from];
            doc.transact::<_, _, automerge::AutomergeError>(|tx| tx.put(ROOT, key, true))
                .unwrap();
            let msg = doc.generate_sync_message(state).unwrap();
            HubToDocMsg(HubToDocMsgPayload::HandleDocMessage {
                connection_id: conns[from],
                message: DocMessage::Sync(SyncMessage::Sync { data: msg.encode() }),
                received_at: now,
            })
        })
        .collect();
    let result = actor.handle_messages(now, batch).unwrap();
    let to_third: Vec<_> = result
        .outgoing_messages
        .into_iter()
        .filter_map(|out| match out.0 {
            DocToHubMsgPayload::SendSyncMessage {
                connection_id,
                message: SyncMessage::Sync { data },
                ..
            } if connection_id == conns[2] => Some(sync::Message::decode(&data).unwrap()),
            _ => None,
        })
        .collect();
    assert_eq!(to_third.len(), 1);
    let (doc, state) = &mut remotes[2];
    doc.receive_sync_message(state, to_third.into_iter().next().unwrap())
        .unwrap();
    assert_eq!(doc.get_heads(), actor.document().get_heads());
}
