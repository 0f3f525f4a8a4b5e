export { cert } from '../mq/trees';
