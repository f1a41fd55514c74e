/** Activation layers: parameter-free modules wrapping the tensor ops of the same name. */
import type { Tensor } from '../tensor';
import { Module } from './module';

/** `max(x, 0)`. */
export class ReLU extends Module {
  forward(x: Tensor): Tensor {
    return x.relu();
  }
}

/** `x` for x > 0 else `slope·x`. Default slope 0.01 (PyTorch's `negative_slope`). */
export class LeakyReLU extends Module {
  constructor(readonly slope = 0.01) {
    super();
  }
  forward(x: Tensor): Tensor {
    return x.leakyRelu(this.slope);
  }
}

/** `1 / (1 + e^-x)`. */
export class Sigmoid extends Module {
  forward(x: Tensor): Tensor {
    return x.sigmoid();
  }
}

/** `tanh(x)`. */
export class Tanh extends Module {
  forward(x: Tensor): Tensor {
    return x.tanh();
  }
}

/** `log(1 + e^x)`, stable for large x. */
export class Softplus extends Module {
  forward(x: Tensor): Tensor {
    return x.softplus();
  }
}

/** Softmax along `axis` (default the last). */
export class Softmax extends Module {
  constructor(readonly axis = -1) {
    super();
  }
  forward(x: Tensor): Tensor {
    return x.softmax(this.axis);
  }
}

/** Log-softmax along `axis` (default the last). */
export class LogSoftmax extends Module {
  constructor(readonly axis = -1) {
    super();
  }
  forward(x: Tensor): Tensor {
    return x.logSoftmax(this.axis);
  }
}

/** The input unchanged. */
export class Identity extends Module {
  forward(x: Tensor): Tensor {
    return x;
  }
}
