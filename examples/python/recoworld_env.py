"""A gymnasium.Env-shaped client of RecoWorld's environment server (standard library only).

    npm run serve-env -- --port 8765
    python3 examples/python/recoworld_env.py --url http://127.0.0.1:8765 --seed 42

    from recoworld_env import RecoWorldEnv
    env = RecoWorldEnv("http://127.0.0.1:8765")
    obs, info = env.reset(seed=42)
    while True:
        items = my_policy(obs)                      # up to k item ids (or indices into env.item_ids)
        obs, reward, terminated, truncated, info = env.step(items)
        if terminated or truncated:
            break

The observation is the JSON object the built-in recommenders see (a dict: profile,
context, history, turn, shown, instruction, implicit). When Gymnasium is installed the
class subclasses gymnasium.Env and `action_space` is MultiDiscrete([n_items] * k)
(indices into `item_ids`); Gymnasium has no space for the nested observation, so
`observation_space` is None and the dict is returned as it is.
"""
import argparse
import json
import urllib.error
import urllib.request

try:  # optional
    import gymnasium as _gym
    from gymnasium import spaces as _spaces

    _Base = _gym.Env
except ImportError:  # pragma: no cover - depends on the machine
    _gym = None
    _spaces = None
    _Base = object


class RecoWorldEnvError(RuntimeError):
    """The server refused a request; the message says why."""


class RecoWorldEnv(_Base):
    metadata = {"render_modes": []}

    def __init__(self, url="http://127.0.0.1:8765", timeout=30.0, user=None, recommender="python-agent"):
        self.url = url.rstrip("/")
        self.timeout = timeout
        self.user = user
        self.recommender = recommender
        self.spec_json = self._call("GET", "/spec")
        self.item_ids = self.spec_json["action"]["itemIds"]
        self.k = self.spec_json["k"]
        if _spaces is not None:
            self.action_space = _spaces.MultiDiscrete([len(self.item_ids)] * self.k)
        else:
            self.action_space = None
        self.observation_space = None

    def _call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode("utf-8")
        req = urllib.request.Request(self.url + path, data=data, method=method, headers={"content-type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as res:
                return json.loads(res.read(10_000_000).decode("utf-8"))
        except urllib.error.HTTPError as e:
            try:
                msg = json.loads(e.read(100_000).decode("utf-8")).get("error", "")
            except ValueError:
                msg = ""
            raise RecoWorldEnvError("HTTP %d from %s: %s" % (e.code, path, msg)) from None
        except urllib.error.URLError as e:
            raise RecoWorldEnvError("could not reach %s (%s): is `npm run serve-env` running?" % (self.url, e.reason)) from None

    def reset(self, *, seed=None, options=None):
        if seed is None:
            raise ValueError("RecoWorld episodes are seeded: pass reset(seed=...)")
        body = {"seed": int(seed), "recommender": self.recommender}
        user = (options or {}).get("user", self.user)
        if user is not None:
            body["user"] = user
        r = self._call("POST", "/reset", body)
        return r["observation"], r["info"]

    def step(self, action):
        items = [self.item_ids[int(a)] if not isinstance(a, str) else a for a in action]
        r = self._call("POST", "/step", {"items": items})
        return r["observation"], r["reward"], r["terminated"], r["truncated"], r["info"]


def first_unshown(env, obs):
    """A trivial deterministic policy: the first k catalog ids not shown yet."""
    shown = set(obs["shown"])
    return [i for i in env.item_ids if i not in shown][: env.k]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--url", default="http://127.0.0.1:8765")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--user", default=None)
    a = p.parse_args()
    env = RecoWorldEnv(a.url, user=a.user)
    obs, info = env.reset(seed=a.seed)
    rewards = []
    while True:
        obs, reward, terminated, truncated, info = env.step(first_unshown(env, obs))
        rewards.append(reward)
        if terminated or truncated:
            break
    # One JSON line: tests compare it with the same episode driven from Node.
    print(json.dumps({"rewards": rewards, "endReason": info["endReason"], "metrics": info.get("metrics")}))


if __name__ == "__main__":
    main()
