-- SAMPLE DATA, loaded in dev mode only (Flyway afterMigrate callback; see quarkus.flyway.locations).
-- A plausible floor plan for the demo event (afterMigrate__1): the entrance, coffee bar and Flex Space
-- downstairs, the Theater upstairs through the red curtain; one staircase, one slow elevator, and the
-- corridor to the Flex Space that turns left, sharp left and sharp right. Inserts only when missing.
insert into venue (event_id, document)
select e.id, $json$
{
  "speeds": {"walk": 1.2, "slow": 0.8, "fast": 1.5, "stepFree": 1.0},
  "levels": [
    {"id": "downstairs", "name": "Downstairs", "ordinal": 0},
    {"id": "upstairs", "name": "Upstairs", "ordinal": 1}
  ],
  "nodes": [
    {"id": "d-entrance", "level": "downstairs", "x": 0, "y": 0, "landmark": "the front door"},
    {"id": "d-lobby", "level": "downstairs", "x": 8, "y": 0, "landmark": "the reception desk"},
    {"id": "d-coffee", "level": "downstairs", "x": 8, "y": 10, "landmark": "the coffee bar"},
    {"id": "d-stairs", "level": "downstairs", "x": 2, "y": 10, "landmark": "the foot of the staircase"},
    {"id": "d-elevator", "level": "downstairs", "x": 14, "y": 0, "landmark": "the elevator doors"},
    {"id": "d-wc", "level": "downstairs", "x": 14, "y": 10},
    {"id": "d-accessible-wc", "level": "downstairs", "x": 17, "y": 2},
    {"id": "d-bend", "level": "downstairs", "x": 8, "y": 18, "landmark": "the bike rack"},
    {"id": "d-dogleg", "level": "downstairs", "x": 3, "y": 18, "landmark": "the neon sign"},
    {"id": "d-pinch", "level": "downstairs", "x": 6, "y": 14, "landmark": "the fire extinguisher"},
    {"id": "d-blue-door", "level": "downstairs", "x": -2, "y": 14, "landmark": "the blue door"},
    {"id": "d-flex", "level": "downstairs", "x": -5, "y": 14},
    {"id": "u-stairs", "level": "upstairs", "x": 2, "y": 10, "landmark": "the top of the stairs"},
    {"id": "u-elevator", "level": "upstairs", "x": 14, "y": 0},
    {"id": "u-hall", "level": "upstairs", "x": 2, "y": 20},
    {"id": "u-wc", "level": "upstairs", "x": -1, "y": 22},
    {"id": "u-east", "level": "upstairs", "x": 14, "y": 20},
    {"id": "u-curtain", "level": "upstairs", "x": 10, "y": 20, "landmark": "the red curtain"},
    {"id": "u-theater", "level": "upstairs", "x": 10, "y": 24}
  ],
  "rooms": [
    {"id": "theater", "name": "Theater", "level": "upstairs", "entrances": ["u-theater"], "scheduleRoom": "Theater", "x": 10, "y": 32},
    {"id": "flex-space", "name": "Flex Space", "level": "downstairs", "entrances": ["d-flex"], "scheduleRoom": "Flex Space", "x": -10, "y": 14}
  ],
  "pois": [
    {"id": "entrance", "name": "Entrance", "category": "exit", "level": "downstairs", "entrances": ["d-entrance"], "accessible": true},
    {"id": "reception", "name": "Reception", "category": "info-desk", "level": "downstairs", "entrances": ["d-lobby"], "accessible": true},
    {"id": "coffee-bar", "name": "Coffee bar", "category": "coffee", "level": "downstairs", "entrances": ["d-coffee"], "accessible": true},
    {"id": "toilets-downstairs", "name": "Toilets", "category": "toilet", "level": "downstairs", "entrances": ["d-wc"]},
    {"id": "accessible-wc", "name": "Accessible toilet", "category": "accessible-toilet", "level": "downstairs", "entrances": ["d-accessible-wc"]},
    {"id": "toilets-upstairs", "name": "Toilets upstairs", "category": "toilet", "level": "upstairs", "entrances": ["u-wc"]},
    {"id": "elevator-downstairs", "name": "Elevator", "category": "elevator", "level": "downstairs", "entrances": ["d-elevator"], "accessible": true},
    {"id": "staircase", "name": "Staircase", "category": "stairs", "level": "downstairs", "entrances": ["d-stairs"]}
  ],
  "edges": [
    {"id": "front-hall", "from": "d-entrance", "to": "d-lobby", "kind": "corridor"},
    {"id": "lobby-coffee", "from": "d-lobby", "to": "d-coffee", "kind": "corridor"},
    {"id": "coffee-stairs", "from": "d-coffee", "to": "d-stairs", "kind": "corridor"},
    {"id": "lobby-elevator", "from": "d-lobby", "to": "d-elevator", "kind": "corridor"},
    {"id": "coffee-wc", "from": "d-coffee", "to": "d-wc", "kind": "corridor"},
    {"id": "elevator-accessible-wc", "from": "d-elevator", "to": "d-accessible-wc", "kind": "door", "extraSeconds": 5, "hint": "Press the button to open the door"},
    {"id": "flex-1", "from": "d-coffee", "to": "d-bend", "kind": "corridor"},
    {"id": "flex-2", "from": "d-bend", "to": "d-dogleg", "kind": "corridor"},
    {"id": "flex-3", "from": "d-dogleg", "to": "d-pinch", "kind": "corridor", "hint": "Narrow passage"},
    {"id": "flex-4", "from": "d-pinch", "to": "d-blue-door", "kind": "corridor"},
    {"id": "flex-door", "from": "d-blue-door", "to": "d-flex", "kind": "door", "extraSeconds": 3},
    {"id": "staircase", "from": "d-stairs", "to": "u-stairs", "kind": "stairs", "length": 9, "hint": "Steep steps; hold the rail"},
    {"id": "elevator-shaft", "from": "d-elevator", "to": "u-elevator", "kind": "elevator", "length": 4, "extraSeconds": 30, "hint": "Slow: expect to wait half a minute"},
    {"id": "upper-hall", "from": "u-stairs", "to": "u-hall", "kind": "corridor"},
    {"id": "upper-wc", "from": "u-hall", "to": "u-wc", "kind": "corridor"},
    {"id": "gallery", "from": "u-hall", "to": "u-curtain", "kind": "corridor"},
    {"id": "east-hall", "from": "u-elevator", "to": "u-east", "kind": "corridor"},
    {"id": "east-curtain", "from": "u-east", "to": "u-curtain", "kind": "corridor"},
    {"id": "red-curtain", "from": "u-curtain", "to": "u-theater", "kind": "door", "hint": "Through the red curtain"}
  ]
}
$json$::jsonb
from event e
where e.slug = 'rejekts-na-2024'
  and not exists (select 1 from venue v where v.event_id = e.id);
