"use strict";
/** The predictor's inputs and outputs. */
Object.defineProperty(exports, "__esModule", { value: true });
